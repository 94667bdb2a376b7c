// What shift-traffic's main step saves for its post step (the runner's GITHUB_STATE file).
export const STATE = {
  isPost: 'isPost',
  target: 'target',
  config: 'config',
  green: 'green',
  blue: 'blue',
  onCancel: 'on-cancel',
  routing: 'routing',
  settled: 'settled',
  mode: 'mode',
} as const;
