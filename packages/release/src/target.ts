// What the engine and the runners need of a target. Each target is one folder under packages/targets/
// implementing this; the runners never name a target.
import type { AwsOptions, Clock, InputReader, Log, Runtime } from '@deploy-actions/core';
import type { CloudWatch, HealthConfig, TargetSignals } from '@deploy-actions/health';
import type { Checkpoint } from './checkpoint';
import type { Routing, RoutingState } from './routing';

export type ActionName = 'deploy-green' | 'shift-traffic' | 'health-gate' | 'record-history' | 'rollback';
export type Env = Runtime['env'];

/** A target's checked inputs, as far as the engine uses them; the target keeps the rest. */
export interface TargetConfig {
  /** What messages call the released thing, e.g. `orders:live`. */
  name: string;
  /** Region and retries for the AWS clients the engine opens itself (CloudWatch alarms, DynamoDB). */
  aws: AwsOptions;
  /** The history this target's releases go to: its kind and the name of the released thing. */
  history: { targetKind: string; resource: string };
  /** false when the target's metrics are not CloudWatch's (Cloud Run's are Cloud Monitoring's): no client opened. */
  cloudwatch?: false;
}

/** Moves traffic between two versions; every write is guarded by what was read just before it. */
export interface Router {
  /** How messages name the router, e.g. `alias "live"`. */
  name: string;
  /** What kind of router it is, e.g. `alias`. */
  noun: string;
  /** Why `read` found nothing, and what makes it, as a sentence without its full stop. */
  missing: string;
  label(version: string): string;
  /** A version to suggest going back to from `live`, for error messages. */
  example?(live: string): string;
  read(): Promise<RoutingState | undefined>;
  /**
   * One write from `from` (as read) to `to`. A router changed since `from` is someone else deploying:
   * ConcurrentChangeError, nothing written. With `checkpoint`, the write records it with the weights; without
   * one, a checkpoint `from` holds is cleared, and a text of the user's where it is kept is left alone.
   */
  write(to: Routing, from: RoutingState, checkpoint?: Checkpoint): Promise<RoutingState>;
  /** Refuses before the first write a pair of versions the router cannot split between. */
  checkPair(blue: string, green: string): Promise<void>;
  /** A version named by an input exists; otherwise an InputError naming `input`. */
  checkVersion(version: string, input: string): Promise<void>;
}

export interface Session {
  router: Router;
  signals: TargetSignals;
}

export interface OpenOptions {
  clock: Clock;
  /** Opened by the runner when alarms or metrics are checked. */
  cloudwatch?: CloudWatch;
  health?: HealthConfig;
  /** Test doubles for the target's own clients, by the target's names for them. */
  clients?: Record<string, (opts: AwsOptions) => Promise<unknown>>;
}

export interface DeployContext extends OpenOptions {
  log: Log;
  /** The release's description (commit and run by default). */
  description: string;
  waitTimeoutMs: number;
  /**
   * Given when deploy-green runs pre-traffic tests. A target whose deploy itself gives green traffic (Lambda
   * creating the alias on a first deploy) calls it just before; the runner calls it after `run` otherwise.
   */
  beforeTraffic?: (green: GreenReady) => Promise<void>;
}

/** The new version, existing and healthy, with no traffic yet: what pre-traffic tests are told. */
export interface GreenReady {
  green: string;
  blue: string;
  /** The URL that reaches green alone, when the target has one (ECS: the test listener's). */
  testUrl?: string;
  /** Variables for the test command besides GREEN_VERSION, BLUE_VERSION and GREEN_TEST_URL. */
  env?: Record<string, string>;
}

export interface DeployOutcome {
  green: string;
  blue: string;
  changed: boolean;
  /** Outputs besides green-version, blue-version and changed. */
  outputs: Record<string, string>;
  summary: { title: string; header: string[]; row: string[] };
  /** More markdown for the job summary after the table (Lambda: what changed on the function). */
  sections?: string[];
  /** The URL that reaches green alone, when the target has one (ECS: the test listener's). */
  testUrl?: string;
  /** Variables for deploy-green's test-command besides GREEN_VERSION, BLUE_VERSION and GREEN_TEST_URL. */
  env?: Record<string, string>;
}

export interface Target<C extends TargetConfig = TargetConfig, D = unknown> {
  kind: string;
  /** Where this target's writes go, as messages name it ("Nothing was changed in Cloud Run."); default AWS. */
  platform?: string;
  /** Inputs only this target reads: given while another target is selected, they are input errors. */
  inputs: readonly string[];
  /** Decimals a traffic percentage may have on this router (Lambda 2, ALB weights 0). */
  percentDecimals: number;
  /**
   * This target's inputs, checked without any call (the SDK is not loaded yet). `optional`: undefined when
   * none are given; `region: false`: no region needed unless one is given.
   */
  readConfig(inputs: InputReader, env: Env, opts?: { optional?: boolean; region?: boolean }): C | undefined;
  /** A version named by an input (green-version, to...), checked in form. */
  parseVersion(input: string, value: string): string;
  /** Whether rollback's `to` is meant as a version (else a deployment id); parseVersion then checks it. */
  isVersion(text: string): boolean;
  /** Loads the target's SDK and makes its router and signals; no call yet. */
  open(config: C, opts: OpenOptions): Promise<Session>;
  deploy: {
    /** The deploy's own inputs, checked against the target's config, without any call. */
    readInputs(inputs: InputReader, env: Env, config: C): D;
    run(config: C, inputs: D, ctx: DeployContext): Promise<DeployOutcome>;
  };
  /** What rollback does once traffic is back and verified, when the target has more to do. */
  rollback?: {
    readInputs(inputs: InputReader): unknown;
    /**
     * Runs first, before any router is opened (a stack's rollback). `traffic: false`: there is no traffic to
     * move, and `record` is what the history records of it instead of versions.
     */
    before?(config: C, inputs: unknown, ctx: OpenOptions & { log: Log }): Promise<RolledBackFirst>;
    /** Returns outputs to set; runs only after a rollback that moved traffic. */
    after(
      config: C,
      inputs: unknown,
      done: RolledBack,
      ctx: OpenOptions & { log: Log },
    ): Promise<Record<string, string>>;
  };
}

export interface RolledBack {
  fromVersion: string;
  toVersion: string;
}

/** What rollback's `before` did: outputs, job summary lines, and whether traffic moves next. */
export interface RolledBackFirst {
  traffic: boolean;
  outputs: Record<string, string>;
  /** Markdown for the job summary. */
  summary?: string[];
  /** Without traffic: what the history records, as from → to (a stack's statuses), and whether it changed. */
  record?: RolledBack & { changed: boolean };
}
