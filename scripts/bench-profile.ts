// Where an action's start goes, from CPU profiles cut at its first AWS request.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '@deploy-actions/testbed/runner';

import {
  type Action,
  Endpoint,
  FIRST_CALLS,
  cleanEnv,
  median,
  runnerFiles,
  toFirstRequest,
} from './bench-spawn';

/** CPU profiles of the profiled action; each cost is the median over them. */
const PROFILE_RUNS = 5;
export const PROFILE_INTERVAL_US = 100;

// --- what the bundle files hold ---------------------------------------------------------------------------

// Strings only one piece of the bundle holds (the main index.js is minified: these are all it keeps).
const TELLTALES: [RegExp, string][] = [
  [/from ['"]\.\.\/bundle\/index\.js['"]/, "the action's entry: imports the bundle"],
  [/__nccwpck_require__\.e=/, 'webpack runtime, actions/bundle.ts and its static imports'],
  [/actions\/http-client/, '@actions/core with @actions/http-client'],
  [/\bundici\b/, 'undici'],
  [/TunnelingAgent/, 'tunnel'],
  [/@smithy\/core|@aws-sdk\/core/, 'AWS SDK core (@smithy/*, @aws-sdk/core, credential providers)'],
  [/DynamoDBDocumentClient/, '@aws-sdk/lib-dynamodb'],
  [/@octokit\/core/, '@octokit/rest'],
];

/** Exported names of our sources, by name: webpack keeps `(/* binding *\/ name)` for each export. */
export function ourExports(): Map<string, string> {
  const byName = new Map<string, string>();
  const roots = [join(repoRoot, 'packages'), join(repoRoot, 'actions')];
  for (const root of roots) {
    for (const e of readdirSync(root, { recursive: true, withFileTypes: true })) {
      const path = join(e.parentPath, e.name);
      if (!e.isFile() || !e.name.endsWith('.ts') || /node_modules|\/test\//.test(path)) continue;
      const text = readFileSync(path, 'utf8');
      for (const m of text.matchAll(/^export (?:async )?(?:function\*?|const|let|class) ([A-Za-z0-9_$]+)/gm))
        byName.set(m[1]!, shortSource(relative(repoRoot, path)));
    }
  }
  return byName;
}

function shortSource(path: string): string {
  return path
    .replace(/^packages\/(targets\/)?/, '')
    .replace('/src/', '/')
    .replace(/\.ts$/, '');
}

/** What a bundle file holds, from its concatenated-module comments, export bindings and telltales. */
export function describeBundleFile(text: string, exportsByName: Map<string, string>): string {
  const parts: string[] = [];
  const clients = [...text.matchAll(/class (\w+)ServiceException extends/g)].map((m) => m[1]!);
  for (const [re, name] of TELLTALES) if (re.test(text)) parts.push(name);
  if (clients.length && parts.some((p) => p.startsWith('AWS SDK core')))
    parts.push(`nested ${clients.join('/')} clients`);
  else parts.push(...clients.map((c) => `@aws-sdk/client-${c.toLowerCase()}`));
  const ours = new Set<string>();
  const packages = new Set<string>();
  for (const m of text.matchAll(/\/\/ CONCATENATED MODULE: \.\/(\S+)/g)) {
    const path = m[1]!;
    const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
    if (pkg) packages.add(pkg);
    else if (path.endsWith('.ts')) ours.add(shortSource(path));
  }
  for (const m of text.matchAll(/\(\/\* binding \*\/ ([A-Za-z0-9_$]+)\)/g)) {
    const source = exportsByName.get(m[1]!);
    if (source) ours.add(source);
  }
  for (const p of packages) if (!parts.some((x) => x.includes(p))) parts.push(p);
  if (ours.size) {
    const list = [...ours].sort();
    parts.push(`ours: ${list.slice(0, 6).join(', ')}${list.length > 6 ? ` +${list.length - 6} more` : ''}`);
  }
  return parts.join('; ') || 'unidentified';
}

// --- profile ----------------------------------------------------------------------------------------------

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber?: number; columnNumber?: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Medians over the profiled runs of self time to the first request. */
export interface Cost {
  /** A bundle file (dist/bundle/NNN.index.js) or a part of Node or V8. */
  where: string;
  /** What a bundle file holds. */
  holds?: string;
  totalMs: number;
  runMs: number;
  compileMs: number;
  builtinsMs: number;
}

export interface ProfileResult {
  node: string;
  action: Action;
  firstRequest: string;
  runs: number;
  /** Profiled time to the first request, NODE_DEBUG logging left out. */
  sampledMs: number;
  debugOverheadMs: number;
  costs: Cost[];
  /** Bundle files compiled before the first request, in order. */
  loaded: { file: string; bytes: number; holds: string }[];
}

const NATIVE: Record<string, string> = {
  '(garbage collector)': 'V8 garbage collector',
  '(program)': 'V8 and native code outside JavaScript (program)',
  '(idle)': 'idle: waiting on I/O',
  '(root)': 'idle: waiting on I/O',
};
const DEBUG_OVERHEAD = 'NODE_DEBUG=esm logging';
/** webpack's require, as ncc names it. */
const REQUIRE = /^__(nccwpck|webpack)_require__$/;
const STARTUP = 'node: startup, and the module loader (resolve, read, link) for every file';

interface Share {
  /** The file's own functions. */
  run: number;
  /** Its parse and compile as an ES module, and the compile of its module factories on first require. */
  compile: number;
  /** Node's built-in code it calls, and built-in modules it requires compiled on first use. */
  builtins: number;
}

/**
 * Self time by bundle file and by part of Node, cut at `cutUs`:
 * - a bundle file's own functions (run);
 * - its compile: as an ES module (told apart by the loader's NODE_DEBUG=esm line before each compile), and
 *   its module factories, which V8 compiles on first call and counts in the caller, webpack's require;
 * - Node's built-in code it calls, built-in modules compiled on first require included (builtins);
 * a native function without a URL counts for its nearest caller that has one.
 */
function selfTimes(
  p: CpuProfile,
  cutUs: number,
  compiles: { at: number; file: string }[],
  distUrl: string,
  sources: (file: string) => string,
): Map<string, Share> {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stack = (n: ProfileNode) => {
    const frames = [n];
    for (let id = parent.get(n.id); id !== undefined; id = parent.get(id)) frames.push(byId.get(id)!);
    return frames;
  };
  const hits = new Map<number, number>();
  for (const id of p.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const subtree = (n: ProfileNode): number =>
    (hits.get(n.id) ?? 0) + (n.children ?? []).reduce((sum, c) => sum + subtree(byId.get(c)!), 0);

  const fileOf = (f: ProfileNode) =>
    f.callFrame.url.startsWith(distUrl) ? f.callFrame.url.slice(distUrl.length) : undefined;
  const isRequire = (f: ProfileNode) => REQUIRE.test(f.callFrame.functionName) && !!fileOf(f);
  // A factory that only hands out a built-in: `1234:A=>{A.exports=e(import.meta.url)("http")}`.
  const isBuiltinStub = (f: ProfileNode) => {
    const file = fileOf(f);
    if (!file || !/^\d+$/.test(f.callFrame.functionName)) return false;
    const { lineNumber = 0, columnNumber = 0 } = f.callFrame;
    const lines = sources(file).split('\n');
    const at = lines.slice(0, lineNumber).reduce((n, l) => n + l.length + 1, 0) + columnNumber;
    return /^\(?\w+\)?=>\{\w+\.exports=\w+\(import\.meta\.url\)\("[^"]+"\)\}/.test(
      sources(file).slice(at, at + 120),
    );
  };
  const stub = new Map<number, boolean>();
  const stubbed = (f: ProfileNode) => {
    if (!stub.has(f.id)) stub.set(f.id, isBuiltinStub(f));
    return stub.get(f.id)!;
  };
  /** The file whose code is on the stack, webpack's require and built-in stubs passed over. */
  const realFile = (frames: ProfileNode[]) =>
    frames.map((f) => (isRequire(f) || stubbed(f) ? undefined : fileOf(f))).find(Boolean);
  /** The file of the module a require compiles: its most sampled callee, else its caller. */
  const requiredFile = (req: ProfileNode, frames: ProfileNode[]) => {
    const byFile = new Map<string, number>();
    for (const c of req.children ?? []) {
      const child = byId.get(c)!;
      const file = fileOf(child);
      if (file && !stubbed(child)) byFile.set(file, (byFile.get(file) ?? 0) + subtree(child));
    }
    return [...byFile].sort((a, b) => b[1] - a[1])[0]?.[0] ?? realFile(frames);
  };

  const out = new Map<string, Share>();
  const add = (key: string, part: keyof Share, us: number) => {
    const e = out.get(key) ?? { run: 0, compile: 0, builtins: 0 };
    e[part] += us / 1000;
    out.set(key, e);
  };
  let t = p.startTime;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i]!;
    if (t > cutUs) break;
    const dt = Math.min(p.timeDeltas[i + 1] ?? 0, cutUs - t);
    const leaf = byId.get(p.samples[i]!)!;
    if (NATIVE[leaf.callFrame.functionName] && !leaf.callFrame.url) {
      add(NATIVE[leaf.callFrame.functionName]!, 'run', dt);
      continue;
    }
    const frames = stack(leaf);
    if (frames.some((f) => f.callFrame.url === 'node:internal/util/debuglog')) {
      add(DEBUG_OVERHEAD, 'run', dt);
      continue;
    }
    const at = frames.findIndex((f) => f.callFrame.url);
    const top = frames[at] ?? leaf;
    const { url, functionName } = top.callFrame;
    const caller = realFile(frames.slice(at + 1));
    if (isRequire(top)) add(requiredFile(top, frames.slice(at + 1)) ?? fileOf(top)!, 'compile', dt);
    else if (stubbed(top)) add(caller ?? fileOf(top)!, 'builtins', dt);
    else if (fileOf(top)) add(fileOf(top)!, 'run', dt);
    else if (functionName === 'compileSourceTextModule' && url.startsWith('node:internal/modules/esm/')) {
      // The module the loader announced last (a quarter millisecond allowed for the pipe).
      const file = compiles.filter((c) => c.at <= t + 250).at(-1)?.file;
      add(file ?? 'ES module compile (file unknown)', 'compile', dt);
    } else if (caller && !url.startsWith('node:internal/modules/')) add(caller, 'builtins', dt);
    else add(url.startsWith('node:') || !url ? STARTUP : url, 'run', dt);
  }
  return out;
}

/** CPU profiles of one action to its first request; the costs are medians over `runs` profiles. */
export async function profileFirstRequest(
  node: string,
  action: Action,
  dist: string,
  runs = PROFILE_RUNS,
): Promise<ProfileResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-coldstart-profile-'));
  const endpoint = await Endpoint.start();
  const distUrl = pathToFileURL(resolve(dist)).href + '/';
  const exportsByName = ourExports();
  const holds = new Map<string, string>();
  const texts = new Map<string, string>();
  const source = (file: string) => {
    if (!texts.has(file)) texts.set(file, readFileSync(join(dist, file), 'utf8'));
    return texts.get(file)!;
  };
  const describe = (file: string) => {
    if (!holds.has(file)) holds.set(file, describeBundleFile(source(file), exportsByName));
    return holds.get(file)!;
  };
  try {
    const files = runnerFiles(scratch);
    const perRun: Map<string, Share>[] = [];
    const sampled: number[] = [];
    const overhead: number[] = [];
    let loaded: string[] = [];
    for (let r = 0; r < runs; r++) {
      const dir = join(scratch, `profile-${r}`);
      const compiles: { at: number; file: string }[] = [];
      let pending = '';
      const onStderr = (text: string, at: bigint) => {
        const lines = (pending + text).split('\n');
        pending = lines.pop()!;
        for (const line of lines) {
          const m = /Translating StandardModule (file:\/\/\S+)/.exec(line);
          if (m?.[1]!.startsWith(distUrl))
            compiles.push({ at: Number(at / 1000n), file: m[1]!.slice(distUrl.length) });
        }
      };
      const env = { ...cleanEnv(endpoint, files, FIRST_CALLS[action].inputs), NODE_DEBUG: 'esm' };
      const args = [
        '--cpu-prof',
        '--cpu-prof-dir',
        dir,
        '--cpu-prof-interval',
        String(PROFILE_INTERVAL_US),
        join(dist, action, 'index.js'),
      ];
      const got = await toFirstRequest(node, args, env, endpoint, FIRST_CALLS[action].op, onStderr);
      const profileFile = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
      if (!profileFile) throw new Error(`no .cpuprofile from ${action}: did it exit on its own?`);
      const profile = JSON.parse(readFileSync(join(dir, profileFile), 'utf8')) as CpuProfile;
      // V8's profile clock and process.hrtime are both the monotonic clock, in µs and ns.
      const cutUs = Number(got.at / 1000n);
      if (cutUs < profile.startTime || cutUs > profile.endTime)
        throw new Error('the profile does not span the first request: the clocks differ on this system');
      const shares = selfTimes(profile, cutUs, compiles, distUrl, source);
      overhead.push(shares.get(DEBUG_OVERHEAD)?.run ?? 0);
      shares.delete(DEBUG_OVERHEAD);
      perRun.push(shares);
      sampled.push((cutUs - profile.startTime) / 1000 - overhead.at(-1)!);
      const before = compiles.filter((c) => c.at <= cutUs).map((c) => c.file);
      if (before.length > loaded.length) loaded = before;
    }
    const keys = new Set(perRun.flatMap((m) => [...m.keys()]));
    const costs = [...keys]
      .map((key): Cost => {
        const v = perRun.map((m) => m.get(key) ?? { run: 0, compile: 0, builtins: 0 });
        const file = key.endsWith('.js');
        return {
          where: file ? `dist/${key}` : key,
          ...(file && { holds: describe(key) }),
          totalMs: median(v.map((x) => x.run + x.compile + x.builtins)),
          runMs: median(v.map((x) => x.run)),
          compileMs: median(v.map((x) => x.compile)),
          builtinsMs: median(v.map((x) => x.builtins)),
        };
      })
      .sort((a, b) => b.totalMs - a.totalMs);
    return {
      node,
      action,
      firstRequest: FIRST_CALLS[action].op,
      runs,
      sampledMs: median(sampled),
      debugOverheadMs: median(overhead),
      costs,
      loaded: loaded.map((file) => ({ file, bytes: statSync(join(dist, file)).size, holds: describe(file) })),
    };
  } finally {
    await endpoint.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}
