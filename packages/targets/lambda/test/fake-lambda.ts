import {
  CreateAliasCommand,
  CreateFunctionCommand,
  GetAliasCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  LambdaClient,
  PreconditionFailedException,
  PublishVersionCommand,
  ResourceConflictException,
  ResourceNotFoundException,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  type FunctionConfiguration,
} from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { randomUUID, createHash } from 'node:crypto';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:orders';
const ROLE = 'arn:aws:iam::123456789012:role/orders';

interface Alias {
  FunctionVersion: string;
  weights: Record<string, number>;
  RevisionId: string;
  Description?: string;
}

/** What a published version keeps of $LATEST: publishing again with none of it changed publishes nothing. */
const VERSIONED = [
  'CodeSha256',
  'Role',
  'MemorySize',
  'Timeout',
  'Environment',
  'Layers',
  'Runtime',
  'Handler',
  'EphemeralStorage',
  'TracingConfig',
  'Description',
  'Architectures',
] as const;
const fingerprint = (c: FunctionConfiguration) => JSON.stringify(VERSIONED.map((k) => c[k]));

/**
 * Lambda as AWS documents it, for what moto does not do: RevisionId enforced on aliases, functions and publish
 * (and changed once more when an update completes, as AWS does: https://github.com/aws/aws-sdk/issues/377),
 * LastUpdateStatus InProgress after an update, State Pending after a create, CodeSha256 checked on publish,
 * unchanged publish returns the latest version. Error shapes are the SDK's own exception classes.
 */
export function fakeLambda() {
  const mock = mockClient(LambdaClient);
  const state = {
    latest: {
      CodeSha256: sha('v1'),
      RevisionId: randomUUID(),
      LastUpdateStatus: 'Successful',
      Role: ROLE,
    } as FunctionConfiguration & { CodeSha256: string },
    versions: new Map<string, FunctionConfiguration>(),
    aliases: new Map<string, Alias>(),
    /** GetFunctionConfiguration polls answered InProgress before Successful after an update. */
    inProgressPolls: 0,
    pollsLeft: 0,
    /** An update whose completion, seen by the next Successful read, gives $LATEST a new RevisionId. */
    completing: false,
    /** No function yet: reads answer ResourceNotFoundException until CreateFunction. */
    missing: false,
    /** GetFunctionConfiguration polls answered State Pending after CreateFunction. */
    pendingPolls: 0,
    invoke: (_version: string) => ({ body: '{"ok":true}', error: undefined as string | undefined }),
    calls: [] as string[],
    /** Per operation, errors to throw on the next calls; a function runs first (e.g. to apply a write whose response is lost). */
    failNext: new Map<string, (Error | (() => Error))[]>(),
    /** Per operation, something done once just before the next call is served (someone else's write). */
    before: new Map<string, () => void>(),
  };
  const fail = (op: string) => {
    state.calls.push(op);
    const before = state.before.get(op);
    state.before.delete(op);
    before?.();
    const queue = state.failNext.get(op);
    const next = queue?.shift();
    if (next) throw typeof next === 'function' ? next() : next;
  };
  const aliasOut = (name: string, a: Alias) => ({
    Name: name,
    AliasArn: `${ARN}:${name}`,
    FunctionVersion: a.FunctionVersion,
    RoutingConfig: { AdditionalVersionWeights: { ...a.weights } },
    RevisionId: a.RevisionId,
    Description: a.Description ?? '',
  });
  // The $LATEST each version was published from (a version's Description is the publish's own).
  const prints = new Map<string, string>();
  const publish = (description?: string) => {
    const last = [...state.versions.entries()].at(-1);
    // "Lambda doesn't publish a version if the function's code and configuration haven't changed": API_PublishVersion
    if (last && prints.get(last[0]) === fingerprint(state.latest)) return last[1];
    const version = String(state.versions.size + 1);
    const cfg = {
      ...state.latest,
      FunctionName: 'orders',
      Version: version,
      FunctionArn: `${ARN}:${version}`,
      Description: description,
      State: 'Active' as const,
    };
    state.versions.set(version, cfg);
    prints.set(version, fingerprint(state.latest));
    return cfg;
  };

  const notFound = (qualifier = '') =>
    new ResourceNotFoundException({
      message: `Function not found: ${ARN}${qualifier && `:${qualifier}`}`,
      $metadata: {},
    });
  const guard = (revisionId?: string) => {
    if (revisionId && revisionId !== state.latest.RevisionId)
      throw new PreconditionFailedException({
        message: 'The Revision Id provided does not match the latest Revision Id.',
        $metadata: {},
      });
  };
  const updated = () => {
    state.latest = { ...state.latest, RevisionId: randomUUID() };
    state.pollsLeft = state.inProgressPolls;
    state.completing = true;
    return { ...state.latest, LastUpdateStatus: 'InProgress' as const };
  };

  mock.on(GetFunctionConfigurationCommand).callsFake((input) => {
    fail('GetFunctionConfiguration');
    if (state.missing) throw notFound(input.Qualifier);
    if (!input.Qualifier || input.Qualifier === '$LATEST') {
      if (state.pendingPolls > 0) {
        state.pendingPolls--;
        return { ...state.latest, State: 'Pending' };
      }
      if (state.pollsLeft > 0) {
        state.pollsLeft--;
        return { ...state.latest, LastUpdateStatus: 'InProgress' };
      }
      if (state.completing) {
        state.completing = false;
        state.latest = { ...state.latest, RevisionId: randomUUID() };
      }
      return { State: 'Active', ...state.latest, FunctionName: 'orders', Version: '$LATEST' };
    }
    const v = state.versions.get(input.Qualifier);
    if (!v)
      throw new ResourceNotFoundException({
        message: `Function not found: ${ARN}:${input.Qualifier}`,
        $metadata: {},
      });
    return v;
  });
  mock.on(UpdateFunctionCodeCommand).callsFake((input) => {
    fail('UpdateFunctionCode');
    if (state.missing) throw notFound();
    guard(input.RevisionId);
    state.latest = {
      ...state.latest,
      CodeSha256: sha(
        Buffer.from(input.ZipFile ?? []).toString() + (input.ImageUri ?? '') + (input.S3Key ?? ''),
      ),
      ...(input.Architectures && { Architectures: input.Architectures }),
    };
    return updated();
  });
  mock.on(UpdateFunctionConfigurationCommand).callsFake((input) => {
    fail('UpdateFunctionConfiguration');
    if (state.missing) throw notFound();
    guard(input.RevisionId);
    state.latest = { ...state.latest, ...configOf(input) };
    return updated();
  });
  mock.on(CreateFunctionCommand).callsFake((input) => {
    fail('CreateFunction');
    if (!state.missing)
      throw new ResourceConflictException({ message: `Function already exist: orders`, $metadata: {} });
    const code = input.Code ?? {};
    state.missing = false;
    state.latest = {
      ...configOf(input),
      PackageType: input.PackageType,
      CodeSha256: sha(
        Buffer.from(code.ZipFile ?? []).toString() + (code.ImageUri ?? '') + (code.S3Key ?? ''),
      ),
      RevisionId: randomUUID(),
      LastUpdateStatus: 'Successful',
    };
    return { ...state.latest, State: 'Pending' };
  });
  mock.on(PublishVersionCommand).callsFake((input) => {
    fail('PublishVersion');
    if (state.missing) throw notFound();
    guard(input.RevisionId);
    if (input.CodeSha256 && input.CodeSha256 !== state.latest.CodeSha256) {
      const err = new Error(
        `CodeSHA256 (${input.CodeSha256}) is different from current CodeSHA256 in $LATEST (${state.latest.CodeSha256}). Please try again with the CodeSHA256 in $LATEST.`,
      );
      throw Object.assign(err, {
        name: 'InvalidParameterValueException',
        $metadata: { httpStatusCode: 400 },
      });
    }
    return publish(input.Description);
  });
  mock.on(GetAliasCommand).callsFake((input) => {
    fail('GetAlias');
    const a = state.aliases.get(input.Name!);
    if (!a)
      throw new ResourceNotFoundException({
        message: `Alias not found: ${ARN}:${input.Name}`,
        $metadata: {},
      });
    return aliasOut(input.Name!, a);
  });
  mock.on(CreateAliasCommand).callsFake((input) => {
    fail('CreateAlias');
    if (state.aliases.has(input.Name!))
      throw new ResourceConflictException({
        message: `Alias already exists: ${ARN}:${input.Name}`,
        $metadata: {},
      });
    const a = { FunctionVersion: input.FunctionVersion!, weights: {}, RevisionId: randomUUID() };
    state.aliases.set(input.Name!, a);
    return aliasOut(input.Name!, a);
  });
  mock.on(UpdateAliasCommand).callsFake((input) => {
    fail('UpdateAlias');
    const a = state.aliases.get(input.Name!);
    if (!a) throw new ResourceNotFoundException({ message: 'Alias not found', $metadata: {} });
    if (input.RevisionId && input.RevisionId !== a.RevisionId) {
      throw new PreconditionFailedException({
        message:
          'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id',
        $metadata: {},
      });
    }
    // A Description left out of the request keeps the alias's own.
    const next = {
      FunctionVersion: input.FunctionVersion ?? a.FunctionVersion,
      weights: input.RoutingConfig ? { ...(input.RoutingConfig.AdditionalVersionWeights ?? {}) } : a.weights,
      RevisionId: randomUUID(),
      Description: input.Description ?? a.Description,
    };
    state.aliases.set(input.Name!, next);
    return aliasOut(input.Name!, next);
  });
  mock.on(InvokeCommand).callsFake((input) => {
    fail('Invoke');
    const r = state.invoke(input.Qualifier ?? '$LATEST');
    return {
      StatusCode: 200,
      Payload: new TextEncoder().encode(r.body),
      ...(r.error && { FunctionError: r.error }),
    };
  });

  return {
    mock,
    state,
    client: new LambdaClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    }),
    /** Publishes versions 1..n with distinct code and points `live` at `live`. */
    seed(n: number, live?: { version: string; green?: string; weight?: number; description?: string }) {
      for (let i = 1; i <= n; i++) {
        state.latest = { ...state.latest, CodeSha256: sha(`code${i}`), RevisionId: randomUUID() };
        publish();
      }
      if (live) {
        state.aliases.set('live', {
          FunctionVersion: live.version,
          weights: live.green ? { [live.green]: live.weight ?? 0.1 } : {},
          RevisionId: randomUUID(),
          ...(live.description !== undefined && { Description: live.description }),
        });
      }
    },
    alias: () => {
      const a = state.aliases.get('live');
      return a && { version: a.FunctionVersion, weights: a.weights };
    },
    /** The alias's Description, where a checkpointed rollout keeps its checkpoint. */
    description: () => state.aliases.get('live')?.Description ?? '',
    /** Someone else rewrites the alias (a concurrent deployment). */
    hijack(version: string) {
      state.aliases.set('live', { FunctionVersion: version, weights: {}, RevisionId: randomUUID() });
    },
  };
}

/** The configuration fields of an UpdateFunctionConfiguration or CreateFunction request, as Lambda reports them. */
function configOf(input: Record<string, unknown>): FunctionConfiguration {
  const cfg: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined || ['FunctionName', 'RevisionId', 'Code', 'Publish', 'PackageType'].includes(k))
      continue;
    cfg[k] = k === 'Layers' ? (v as string[]).map((Arn) => ({ Arn, CodeSize: 100 })) : v;
  }
  return cfg as FunctionConfiguration;
}

function sha(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}
