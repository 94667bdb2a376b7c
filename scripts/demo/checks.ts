// What each scene expects to leave behind: one line per expectation, ✓ or ✗, and the list of those that
// failed for the end of the demo (which then exits 1).

export class Checks {
  private scene = '';
  private count = 0;
  readonly failures: string[] = [];

  /** Names the scene the next expectations belong to. */
  begin(scene: string): void {
    this.scene = scene;
  }

  /** Prints the expectation; `got` is shown when it does not hold. */
  expect(ok: boolean, what: string, got?: unknown): boolean {
    this.count++;
    const detail =
      ok || got === undefined ? '' : ` (got ${typeof got === 'string' ? got : JSON.stringify(got)})`;
    console.log(`  ${ok ? '✓' : '✗'} ${what}${detail}`);
    if (!ok) this.failures.push(`${this.scene}: ${what}${detail}`);
    return ok;
  }

  /** Shorthand for an equality, naming the expected value. */
  equal(got: unknown, want: unknown, what: string): boolean {
    return this.expect(JSON.stringify(got) === JSON.stringify(want), what, got ?? 'nothing');
  }

  get total(): number {
    return this.count;
  }
}
