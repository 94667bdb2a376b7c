// Cold start of each action to its FIRST AWS REQUEST: from spawn to the moment a local endpoint receives
// that request, against `node -e 0` (spawn to exit), in a clean environment (PATH, fake credentials, the
// runner's files, inputs that pass every check); and where the time goes, from CPU profiles cut at that
// request. Part of npm run bench; alone: npx tsx scripts/bench-coldstart.ts [--baseline <dist dir>]
// [--runs N] [--warmup N] [--profile <action>], where --baseline measures another build's dist/ in the
// same interleaved rounds (an older layout's bundles, checked out apart).
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { node24Path } from '@deploy-actions/testbed/node24';
import { repoRoot } from '@deploy-actions/testbed/runner';

import {
  ACTIONS,
  type Action,
  BASE,
  Endpoint,
  FIRST_CALLS,
  type Subject,
  RUNS,
  WARMUP,
  cleanEnv,
  kb,
  mb,
  median,
  ms,
  percentile,
  runnerFiles,
  table,
  toExit,
  toFirstRequest,
} from './bench-spawn';
import { PROFILE_INTERVAL_US, type ProfileResult, profileFirstRequest } from './bench-profile';
import { type Chunk, cloudRunSubjects, googleChunks } from './bench-coldstart-cloud-run';

// --- sizes ------------------------------------------------------------------------------------------------

function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0);
}

export interface DistSizes {
  totalBytes: number;
  /** dist/bundle/, in the one-bundle layout: its index.js, and all its files. */
  bundle?: { indexBytes: number; folderBytes: number; files: number };
  /** dist/<action>/: its index.js, and all its files. */
  actions: Record<string, { indexBytes: number; folderBytes: number }>;
}

export function distSizes(dist: string): DistSizes {
  const bundle = join(dist, 'bundle');
  return {
    totalBytes: folderBytes(dist),
    ...(existsSync(join(bundle, 'index.js')) && {
      bundle: {
        indexBytes: statSync(join(bundle, 'index.js')).size,
        folderBytes: folderBytes(bundle),
        files: readdirSync(bundle).filter((f) => f.endsWith('.js')).length,
      },
    }),
    actions: Object.fromEntries(
      ACTIONS.map((a) => [
        a,
        { indexBytes: statSync(join(dist, a, 'index.js')).size, folderBytes: folderBytes(join(dist, a)) },
      ]),
    ),
  };
}

function describeSizes(s: DistSizes): string {
  const range = (xs: number[], unit: (n: number) => string) =>
    Math.min(...xs) === Math.max(...xs) ? unit(xs[0]!) : `${unit(Math.min(...xs))}–${unit(Math.max(...xs))}`;
  const actions = Object.values(s.actions);
  const indexes = range(
    actions.map((a) => a.indexBytes),
    (n) => (n < 1024 ? `${n} B` : kb(n)),
  );
  if (s.bundle)
    return (
      `dist/ ${mb(s.totalBytes)}: dist/bundle/ ${mb(s.bundle.folderBytes)} in ${s.bundle.files} files, ` +
      `its index.js ${kb(s.bundle.indexBytes)}; entries dist/<action>/index.js of ${indexes}`
    );
  return (
    `dist/ ${mb(s.totalBytes)}: ${actions.length} self-contained bundles dist/<action>/ of ` +
    `${range(
      actions.map((a) => a.folderBytes),
      mb,
    )}, index.js ${indexes}`
  );
}

function printChunks(c: { auth: Chunk[]; cloudRun: Chunk[] }): void {
  const rows = [
    ...c.auth.map((x) => [x.file, kb(x.bytes), 'google-auth-library (ADC only)']),
    ...c.cloudRun.map((x) => [x.file, kb(x.bytes), x.holds]),
  ];
  console.log('  lazy chunks of target cloud-run, found by content:');
  console.log(table(['chunk', 'size', 'holds'], rows, [1]).replace(/^/gm, '    '));
}

// --- cold start -------------------------------------------------------------------------------------------

export interface Stats {
  medianMs: number;
  p90Ms: number;
  ratio: number;
  /** The first AWS request (spawn to exit for node -e 0). */
  until: string;
  samplesMs: number[];
}

export interface Build {
  /** '' for the working tree's dist/; a label such as 'before' for a baseline. */
  label: string;
  dist: string;
}

const subjectName = (action: string, b: Build) => (b.label ? `${action} (${b.label})` : action);

/** Interleaved rounds, rotated so that no subject always runs first; warm-up rounds are dropped. */
export async function coldStart(
  node: string,
  builds: Build[],
  opts: { runs?: number; warmup?: number } = {},
): Promise<Record<string, Stats>> {
  const runs = opts.runs ?? RUNS;
  const warmup = opts.warmup ?? WARMUP;
  const scratch = mkdtempSync(join(tmpdir(), 'bench-coldstart-'));
  const endpoint = await Endpoint.start();
  const files = runnerFiles(scratch);
  // The working tree's build only: a baseline may predate the target.
  const cloudRun = await cloudRunSubjects(node, builds[0]!.dist, files, scratch);
  try {
    const subjects: Subject[] = [
      { name: BASE, until: 'exit', run: () => toExit(node, ['-e', '0'], cleanEnv(endpoint, files, {})) },
      ...builds.flatMap((b) =>
        ACTIONS.map((a) => ({
          name: subjectName(a, b),
          until: FIRST_CALLS[a].op,
          run: async () => {
            const env = cleanEnv(endpoint, files, FIRST_CALLS[a].inputs);
            const entry = join(b.dist, a, 'index.js');
            return (await toFirstRequest(node, [entry], env, endpoint, FIRST_CALLS[a].op)).ms;
          },
        })),
      ),
      ...cloudRun.subjects,
    ];
    const samples = new Map<string, number[]>(subjects.map((s) => [s.name, []]));
    for (let round = 0; round < warmup + runs; round++) {
      for (let i = 0; i < subjects.length; i++) {
        const s = subjects[(round + i) % subjects.length]!;
        const t = await s.run();
        if (round >= warmup) samples.get(s.name)!.push(t);
      }
    }
    const base = median(samples.get(BASE)!);
    return Object.fromEntries(
      subjects.map((s) => {
        const xs = samples.get(s.name)!;
        return [
          s.name,
          {
            medianMs: median(xs),
            p90Ms: percentile(xs, 90),
            ratio: median(xs) / base,
            until: s.until,
            samplesMs: xs,
          },
        ];
      }),
    );
  } finally {
    await cloudRun.stop();
    await endpoint.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

// --- the section npm run bench prints ---------------------------------------------------------------------

export interface NodeBinary {
  name: string;
  path: string;
}

export interface ColdStartSection {
  runs: number;
  warmup: number;
  measured: string;
  inputs: Record<Action, Record<string, string>>;
  sizes: Record<string, DistSizes>;
  /** Lazy chunks loaded only for target cloud-run (google-auth-library: only with ADC). */
  googleChunks: { auth: Chunk[]; cloudRun: Chunk[] };
  byNode: Record<string, Record<string, Stats>>;
  profile: ProfileResult & { nodeName: string };
}

/** This Node, and Node 24 as on the runners when scripts/ensure-node24.mjs has fetched it. */
export function nodesToMeasure(): NodeBinary[] {
  const nodes = [{ name: `node ${process.version}`, path: process.execPath }];
  try {
    nodes.push({ name: 'node 24 (.cache/node24, as on the runners)', path: node24Path() });
  } catch {
    console.log(
      'Node 24 not in .cache/node24 (node scripts/ensure-node24.mjs fetches it): measuring this Node only.',
    );
  }
  return nodes;
}

export async function coldStartSection(
  nodes: NodeBinary[],
  opts: { baseline?: string; runs?: number; warmup?: number; profile?: Action } = {},
): Promise<ColdStartSection> {
  // A copy of dist/, so that a build in the working tree meanwhile does not mix two bundles in one figure.
  const snapshot = mkdtempSync(join(tmpdir(), 'bench-coldstart-dist-'));
  try {
    cpSync(join(repoRoot, 'dist'), join(snapshot, 'dist'), { recursive: true });
    return await section(nodes, join(snapshot, 'dist'), opts);
  } finally {
    rmSync(snapshot, { recursive: true, force: true });
  }
}

async function section(
  nodes: NodeBinary[],
  dist: string,
  opts: { baseline?: string; runs?: number; warmup?: number; profile?: Action },
): Promise<ColdStartSection> {
  const runs = opts.runs ?? RUNS;
  const warmup = opts.warmup ?? WARMUP;
  const builds: Build[] = [{ label: '', dist }];
  if (opts.baseline) builds.push({ label: 'before', dist: resolve(opts.baseline) });
  const sizes = Object.fromEntries(builds.map((b) => [b.label || 'now', distSizes(b.dist)]));
  console.log('sizes');
  for (const [label, s] of Object.entries(sizes)) console.log(`  ${label}: ${describeSizes(s)}`);
  const chunks = googleChunks(dist);
  printChunks(chunks);
  const load = loadavg()[0]!;
  if (load > 0.5)
    console.log(`load average ${load.toFixed(2)} on ${availableParallelism()} CPUs: figures may be noisy`);

  const byNode: Record<string, Record<string, Stats>> = {};
  for (const n of nodes) {
    const stats = await coldStart(n.path, builds, { runs, warmup });
    byNode[n.name] = stats;
    console.log(
      `\ncold start on ${n.name}: spawn to the first AWS request at a local endpoint (node -e 0: spawn to exit; ` +
        'Cloud Run: to its first Admin API request, after the token exchange for ADC), ' +
        `clean environment, ${runs} runs each after ${warmup} warm-up rounds, interleaved`,
    );
    const cols = (s: Stats | undefined) =>
      s ? [ms(s.medianMs), ms(s.p90Ms), `${s.ratio.toFixed(2)}x`] : ['', '', ''];
    const header = ['subject', 'first request', 'median ms', 'p90 ms', 'ratio to node -e 0'];
    const before = builds[1];
    const others = Object.keys(stats).filter(
      (k) => !([BASE, ...ACTIONS] as string[]).includes(k) && !(before && k.endsWith(` (${before.label})`)),
    );
    console.log(
      table(
        before ? [...header, 'before: median ms', 'p90 ms', 'ratio'] : header,
        [BASE, ...ACTIONS, ...others].map((a) => [
          a,
          stats[a]!.until,
          ...cols(stats[a]),
          ...(before ? (a === BASE ? ['', '', ''] : cols(stats[subjectName(a, before)])) : []),
        ]),
        before ? [2, 3, 4, 5, 6, 7] : [2, 3, 4],
      ),
    );
  }

  // Profiled on the runners' Node when it is there.
  const profNode = nodes[nodes.length - 1]!;
  const action = opts.profile ?? 'shift-traffic';
  const profile = await profileFirstRequest(profNode.path, action, builds[0]!.dist);
  console.log(
    `\nwhere ${action}'s time to its first request (${profile.firstRequest}) goes on ${profNode.name}: ` +
      `top three by self time, by bundle file or part of Node, medians of ${profile.runs} CPU profiles ` +
      `(every ${PROFILE_INTERVAL_US} µs from the profiler's start, a few ms after spawn, to the request: ` +
      `${ms(profile.sampledMs)} ms, ${ms(profile.debugOverheadMs)} ms of NODE_DEBUG=esm logging left out)`,
  );
  const part = (x: number) => (x ? ms(x) : '');
  console.log(
    table(
      ['#', 'where', 'ms', 'own code', 'compile', 'Node built-ins it calls', 'holds'],
      profile.costs
        .slice(0, 3)
        .map((c, i) => [
          i + 1,
          c.where,
          ms(c.totalMs),
          part(c.runMs),
          part(c.compileMs),
          part(c.builtinsMs),
          c.holds ?? '',
        ]),
      [0, 2, 3, 4, 5],
    ),
  );
  const loadedBytes = profile.loaded.reduce((n, f) => n + f.bytes, 0);
  console.log(`bundle files compiled before the first request (${kb(loadedBytes)}):`);
  for (const f of profile.loaded)
    console.log(`  ${f.file.padEnd(22)} ${kb(f.bytes).padStart(9)}  ${f.holds}`);

  return {
    runs,
    warmup,
    measured: 'spawn to the first AWS request (node -e 0: spawn to exit)',
    inputs: Object.fromEntries(ACTIONS.map((a) => [a, FIRST_CALLS[a].inputs])) as ColdStartSection['inputs'],
    sizes,
    googleChunks: chunks,
    byNode,
    profile: { ...profile, nodeName: profNode.name },
  };
}

// --- alone ------------------------------------------------------------------------------------------------

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const profile = option('--profile');
  if (profile && !(ACTIONS as readonly string[]).includes(profile))
    throw new Error(`--profile must be one of ${ACTIONS.join(', ')}`);
  const number = (name: string) => (option(name) === undefined ? undefined : Number(option(name)));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  coldStartSection(nodesToMeasure(), {
    baseline: option('--baseline'),
    runs: number('--runs'),
    warmup: number('--warmup'),
    profile: profile as Action | undefined,
  }).catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exitCode = 1;
  });
}
