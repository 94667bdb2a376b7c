// ---- The deployment model ----

export type Json = Record<string, unknown>;

export interface EcsModelOptions {
  /**
   * DescribeServices calls naming a service that still see its new deployment IN_PROGRESS; the next one
   * sees it COMPLETED (or the circuit breaker trip). Default 2.
   */
  inProgressCalls?: number;
  /** Seed of the deployment ids, task ids and target addresses. */
  seed?: number;
}

export interface FailOptions {
  /** Tasks that fail before the circuit breaker trips: failedTasks and the stopped tasks. Default 3. */
  failedTasks?: number;
  /** rolloutStateReason of the failed deployment. */
  reason?: string;
  stoppedReason?: string;
  stopCode?: string;
}

export type TargetState = 'healthy' | 'unhealthy';

// Field names and states: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Deployment.html
/** A deployment as DescribeServices gives it. */
export interface ModelDeployment {
  id: string;
  status: 'PRIMARY' | 'ACTIVE';
  taskDefinition: string;
  desiredCount: number;
  pendingCount: number;
  runningCount: number;
  failedTasks: number;
  createdAt: number;
  updatedAt: number;
  launchType?: string;
  platformFamily?: string;
  networkConfiguration?: unknown;
  rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  rolloutStateReason: string;
}

export interface Deployment extends ModelDeployment {
  /** DescribeServices calls that saw it in progress. */
  calls: number;
  fail?: Required<FailOptions>;
  /** Addresses of its tasks' targets, grown as needed. */
  addresses: string[];
}

export interface LoadBalancerRef {
  targetGroupArn?: string;
  containerName?: string;
  containerPort?: number;
}

export interface ModelService {
  arn: string;
  clusterArn: string;
  clusterName: string;
  name: string;
  desiredCount: number;
  launchType?: string;
  loadBalancers: LoadBalancerRef[];
  deployments: Deployment[];
  /** The task definition to roll back to: the last one that completed. */
  lastCompleted: string;
  stopped: Json[];
}
