// The template as deploy-green reads it before any call: YAML (with CloudFormation's short-form tags) or JSON,
// its parameters, local artifact paths that were never packaged, and resources that would move an alias.
import { DeployError, InputError } from '@deploy-actions/core';
import { parse, type Tags } from 'yaml';

export interface Template {
  /** Parameter names and whether each has a Default. */
  parameters: Map<string, { hasDefault: boolean }>;
  resources: Record<string, { Type?: string; Properties?: Record<string, unknown> }>;
  globals: Record<string, Record<string, unknown>>;
}

// Short forms: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
const FUNCTIONS = [
  'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub',
  'Transform', 'And', 'Equals', 'If', 'Not', 'Or', 'ToJsonString', 'Length',
]; // prettier-ignore

function longForm(name: string, value: unknown): Record<string, unknown> {
  if (name === 'Ref' || name === 'Condition') return { [name]: value };
  // !GetAtt A.B is the list [A, B].
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { 'Fn::GetAtt': dot > 0 ? [value.slice(0, dot), value.slice(dot + 1)] : [value] };
  }
  return { [`Fn::${name}`]: value };
}

/** Each short form on a scalar, a sequence or a map, as its long form. */
const TAGS: Tags = ['Ref', 'Condition', ...FUNCTIONS].flatMap((name) => [
  { tag: `!${name}`, resolve: (s: string) => longForm(name, s) },
  {
    tag: `!${name}`,
    collection: 'seq' as const,
    resolve: (seq: { toJSON(): unknown }) => longForm(name, seq.toJSON()),
  },
  {
    tag: `!${name}`,
    collection: 'map' as const,
    resolve: (map: { toJSON(): unknown }) => longForm(name, map.toJSON()),
  },
]) as Tags;

/** Parses the template text; anything but a map with Resources is the template-file input's error. */
export function parseTemplate(file: string, text: string): Template {
  let doc: unknown;
  try {
    doc = parse(text, { customTags: TAGS, uniqueKeys: true, maxAliasCount: 100 });
  } catch (err) {
    const reason = (err as Error).message.split('\n')[0];
    throw new InputError('template-file', file, `is not a YAML or JSON CloudFormation template (${reason})`);
  }
  const t = (doc ?? {}) as Record<string, unknown>;
  if (typeof t !== 'object' || Array.isArray(t) || !isMap(t.Resources) || !Object.keys(t.Resources).length)
    throw new InputError('template-file', file, 'is not a CloudFormation template: it has no Resources map');
  const parameters = new Map<string, { hasDefault: boolean }>();
  for (const [name, p] of Object.entries(isMap(t.Parameters) ? t.Parameters : {}))
    parameters.set(name, { hasDefault: isMap(p) && 'Default' in p });
  return {
    parameters,
    resources: t.Resources as Template['resources'],
    globals: (isMap(t.Globals) ? t.Globals : {}) as Template['globals'],
  };
}

function isMap(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

// What `aws cloudformation package` uploads: https://docs.aws.amazon.com/cli/latest/reference/cloudformation/package.html
const ARTIFACTS: Record<string, string[]> = {
  'AWS::ApiGateway::RestApi': ['BodyS3Location'],
  'AWS::Lambda::Function': ['Code'],
  'AWS::Lambda::LayerVersion': ['Content'],
  'AWS::Serverless::Function': ['CodeUri'],
  'AWS::Serverless::LayerVersion': ['ContentUri'],
  'AWS::Serverless::Api': ['DefinitionUri'],
  'AWS::Serverless::HttpApi': ['DefinitionUri'],
  'AWS::Serverless::StateMachine': ['DefinitionUri'],
  'AWS::Serverless::Application': ['Location'],
  'AWS::AppSync::GraphQLSchema': ['DefinitionS3Location'],
  'AWS::AppSync::Resolver': ['RequestMappingTemplateS3Location', 'ResponseMappingTemplateS3Location'],
  'AWS::AppSync::FunctionConfiguration': [
    'RequestMappingTemplateS3Location',
    'ResponseMappingTemplateS3Location',
  ],
  'AWS::ElasticBeanstalk::ApplicationVersion': ['SourceBundle'],
  'AWS::CloudFormation::Stack': ['TemplateURL'],
  'AWS::StepFunctions::StateMachine': ['DefinitionS3Location'],
  'AWS::Glue::Job': ['Command.ScriptLocation'],
};

const REMOTE = /^(s3|https?):\/\//i;

/** A path that `package` would have replaced: any text that is no S3 or HTTP(S) location. */
function isLocal(value: unknown): value is string {
  return typeof value === 'string' && !REMOTE.test(value.trim());
}

function at(props: Record<string, unknown> | undefined, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (isMap(o) ? o[k] : undefined), props);
}

/** Refuses, naming the resource, a template whose artifacts are still local paths: it was never packaged. */
export function checkArtifacts(t: Template, file: string): void {
  for (const [id, r] of Object.entries(t.resources)) {
    const type = r.Type ?? '';
    for (const prop of ARTIFACTS[type] ?? []) {
      let value = at(r.Properties, prop);
      // SAM functions take CodeUri from Globals; with neither, package uploads the template's folder.
      if (type === 'AWS::Serverless::Function' && value === undefined) {
        const p = r.Properties ?? {};
        const image = p.PackageType === 'Image' || p.ImageUri !== undefined;
        if (image || p.InlineCode !== undefined) continue;
        value = at(t.globals.Function, 'CodeUri') ?? '.';
      }
      if (isLocal(value)) {
        throw new InputError(
          'template-file',
          file,
          `resource ${id} (${type}) has the local path ${JSON.stringify(value)} in ${prop}: package the template first (sam package or aws cloudformation package --s3-bucket ...) and deploy the template it writes`,
        );
      }
    }
  }
}

export interface AliasPlan {
  /** Template parameters that hold an alias's FunctionVersion: deploy-green sets them to the live version. */
  versionParameters: string[];
  /** Aliases whose FunctionVersion is such a parameter: their changes never move traffic. */
  heldAliases: string[];
  /** SAM functions with AutoPublishAlias, whose generated alias the change set lists. */
  autoPublish: string[];
}

export const WAYS_OUT =
  'deploy-green publishes and shift-traffic moves traffic, so either remove the alias from the template (and AutoPublishAlias or DeploymentPreference from SAM functions) and let them manage it, or make its FunctionVersion !Ref a template parameter, which deploy-green sets to the live version';

/**
 * What the change set's alias changes are checked against. A SAM DeploymentPreference (CodeDeploy shifting
 * traffic) is refused here, before any call: the change set lists CodeDeploy resources, not its intent.
 */
export function planAliases(t: Template, stack: string): AliasPlan {
  const plan: AliasPlan = { versionParameters: [], heldAliases: [], autoPublish: [] };
  const fnGlobals = t.globals.Function ?? {};
  for (const [id, r] of Object.entries(t.resources)) {
    const p = r.Properties ?? {};
    if (r.Type === 'AWS::Serverless::Function') {
      if (p.DeploymentPreference ?? fnGlobals.DeploymentPreference)
        throw refusal(stack, id, 'has a SAM DeploymentPreference: CodeDeploy would shift the traffic');
      if (p.AutoPublishAlias ?? fnGlobals.AutoPublishAlias) plan.autoPublish.push(id);
    }
    if (r.Type !== 'AWS::Lambda::Alias') continue;
    const version = p.FunctionVersion;
    const ref = isMap(version) && typeof version.Ref === 'string' ? version.Ref : undefined;
    if (ref && t.parameters.has(ref)) {
      plan.versionParameters.push(ref);
      plan.heldAliases.push(id);
    }
  }
  return plan;
}

/** Why a changed alias is refused: SAM's generated one names its function. */
export function aliasRefusal(stack: string, id: string, plan: AliasPlan): DeployError {
  const fn = plan.autoPublish.find((f) => id.startsWith(`${f}Alias`));
  return refusal(
    stack,
    id,
    fn
      ? `(AWS::Lambda::Alias) is generated by AutoPublishAlias of ${fn}: SAM points it at every new version`
      : '(AWS::Lambda::Alias) would change, and its FunctionVersion is not a template parameter',
  );
}

function refusal(stack: string, id: string, what: string): DeployError {
  return new DeployError(
    `Stack ${stack}: resource ${id} ${what}, moving 100% of the traffic at once. ${WAYS_OUT}.`,
  );
}
