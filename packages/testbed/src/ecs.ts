// An ECS blue/green stack in moto (two services behind one Application Load Balancer listener that forwards
// to their two target groups by weight), and a model, played in the fault proxy, of what ECS does after
// UpdateService and moto does not: deployments that roll out, a circuit breaker that rolls back, tasks
// that stop, targets that turn healthy.
//
// moto 5.2.1's ECS, as observed (ecs/models.py and ecs-testbed.test.ts):
// - DescribeTaskDefinition takes a family (its latest revision), family:revision or an ARN. compatibilities
//   is always [EC2, FARGATE], whatever requiresCompatibilities says.
// - CreateService takes launchType EC2 (the default) or FARGATE (EXTERNAL: ClientException). With an awsvpc
//   networkConfiguration the subnets must exist (InvalidParameterException), and securityGroups must be
//   given: without them moto fails with an HTML 500 (the SDK reports a SyntaxError).
// - CreateService stores loadBalancers as sent and checks nothing (an unknown target group, container name or
//   port is accepted); no target is ever registered with the target group. deploymentConfiguration is
//   dropped. A second CreateService with the same name silently replaces the service (AWS refuses it).
// - A new service has one PRIMARY deployment (none with deploymentController CODE_DEPLOY). Its counts come
//   from MOTO_ECS_SERVICE_RUNNING=N in moto's environment (default 0), read at each CreateService and the
//   same for every service: runningCount N, pendingCount desiredCount - N (negative when N is larger),
//   rolloutState COMPLETED when N >= desiredCount, else IN_PROGRESS for ever. So a service starts steady
//   only when its desiredCount is N (ecsMotoEnv).
// - UpdateService never touches the deployments: a new taskDefinition changes the service's taskDefinition
//   (to the string as sent: `web:2` stays `web:2`, not an ARN) while deployments[0] keeps the old task
//   definition, id and rolloutState, and no deployment is added. desiredCount sets runningCount to it and
//   pendingCount to 0 at once, whatever MOTO_ECS_SERVICE_RUNNING, and leaves the deployment's counts.
//   forceNewDeployment only gives deployments[0] a new id and timestamps (its rolloutStateReason still names
//   the old id). deploymentConfiguration sent to UpdateService IS stored and returned as sent, circuit
//   breaker included (only CreateService drops it). An unknown task definition: ClientException.
// - The services-stable waiter (one deployment and runningCount == desiredCount per service) judges
//   moto's service-level counts: it succeeds at once when MOTO_ECS_SERVICE_RUNNING equals desiredCount, or
//   after any UpdateService with desiredCount, even while the deployment says IN_PROGRESS; else it times out.
// - There are no tasks: ListTasks answers [] (RUNNING or STOPPED), DescribeTasks of an unknown ARN answers
//   no task and no failure (AWS: failure MISSING), DescribeTasks of [] is an InvalidParameterException.
//   DescribeServices of an unknown service answers failures [{arn, reason: MISSING}]; events stay [].
//
// moto 5.2.1's ELBv2, as observed (elbv2/models.py and ecs-testbed.test.ts):
// - In a forward action a Weight left out becomes 1 and a TargetGroupStickinessConfig left out becomes
//   {Enabled: false}; everything else is stored and returned as sent. Order is echoed only when sent (AWS
//   numbers the actions). A forward with only TargetGroupArn is returned without ForwardConfig.
// - ModifyListener and ModifyRule replace the action list whole and keep what is not sent: a rule's
//   conditions when only Actions are sent, its actions when only Conditions are, a listener's actions when
//   only Port is. Weights, Order, stickiness and an authenticate-oidc action round-trip exactly; a modify
//   that does not resend TargetGroupStickinessConfig turns stickiness off, as it does in AWS.
// - Nothing in a forward action is checked: weights 1000, 5000 or -1, every weight 0, seven target groups,
//   one group twice, stickiness DurationSeconds 0, the forward (Order 1) before authenticate-oidc (Order 2),
//   authenticate-oidc on an HTTP listener are all accepted (AWS: weights 0-999, at most 5 groups, 1-604800
//   seconds, authenticate first and on HTTPS only). ModifyListener does not even check that the target
//   groups exist; CreateListener, CreateRule and ModifyRule do (TargetGroupNotFound).
// - authenticate-oidc is stored as sent, with no defaults filled in (AWS adds Scope, SessionCookieName,
//   SessionTimeout, OnUnauthenticatedRequest). DescribeRules returns the ClientSecret (AWS never does); a
//   modify with UseExistingClientSecret and no secret stores just that: the secret is gone and
//   UseExistingClientSecret is echoed.
// - CreateRule checks conditions and refuses a priority in use (PriorityInUse). DescribeRules gives Priority
//   as a string and the default rule as Priority 'default', IsDefault true, with an ARN ending in a decimal
//   number that AddTags refuses (RuleNotFound).
// - AddTags and DescribeTags work on listeners and rules (and Tags at CreateListener/CreateRule). DescribeTags
//   of an unknown ARN answers no tags (AWS: not found). AddTags refuses new keys once a resource has 10 tags
//   (AWS allows 50).
// - DescribeTargetHealth of a target group behind a service answers [] (nothing registers). A target asked
//   for by Id and not registered is unavailable/Target.NotRegistered; RegisterTargets makes a target healthy
//   at once and for ever. CreateLoadBalancer needs existing subnets, one is enough (AWS: two zones).

export * from './ecs-stack';
export * from './ecs-model';
