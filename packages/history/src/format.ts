// How a record's target is stored. Lambda records keep the fields written before targets had kinds
// (functionName and alias), so that records of earlier versions read the same and earlier versions can
// read new ones; other targets store targetKind and resource.
import { FIRST_TARGET_KIND, type Target } from './record';

export interface StoredTarget {
  functionName?: string;
  alias?: string;
  targetKind?: string;
  resource?: string;
}

export function storedTarget(t: Omit<Target, 'environment'>): StoredTarget {
  if (t.targetKind !== FIRST_TARGET_KIND) return { targetKind: t.targetKind, resource: t.resource };
  const colon = t.resource.lastIndexOf(':');
  return { functionName: t.resource.slice(0, colon), alias: t.resource.slice(colon + 1) };
}

/** The target of a stored record; undefined when it names none. */
export function readTarget(s: StoredTarget): Omit<Target, 'environment'> | undefined {
  if (typeof s.targetKind === 'string' && typeof s.resource === 'string')
    return { targetKind: s.targetKind, resource: s.resource };
  if (typeof s.functionName === 'string' && typeof s.alias === 'string')
    return { targetKind: FIRST_TARGET_KIND, resource: `${s.functionName}:${s.alias}` };
  return undefined;
}
