// The shape that lets a target be one folder: the shared packages know no target's client.
import { describe, it, expect } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@deploy-actions/testbed/runner';

const SHARED = ['packages/core', 'packages/release', 'packages/health', 'packages/history'];
// A target's clients and packages; CloudWatch (alarms) and DynamoDB (history) are shared.
const TARGET_ONLY =
  /@aws-sdk\/client-(lambda|ecs|elastic-load-balancing-v2|cloudformation)|@deploy-actions\/target-|googleapis|@google-cloud\//;

function sources(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|json)$/.test(e.name) && !e.parentPath.includes('node_modules'))
    .map((e) => join(e.parentPath, e.name));
}

describe('layout', () => {
  it('no shared package imports a target client or a target package', () => {
    const files = SHARED.flatMap(sources);
    expect(files.length).toBeGreaterThan(40);
    const leaks = files.filter((f) => TARGET_ONLY.test(readFileSync(f, 'utf8')));
    expect(leaks.map((f) => f.slice(repoRoot.length))).toEqual([]);
  });
});
