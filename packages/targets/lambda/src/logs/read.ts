// Reading the log group: one FilterLogEvents query since the step began, every page of it. Streams are not listed
// first: a stream's name starts with its day, so no logStreamNamePrefix selects a version; the version is read
// from each event's stream name instead.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { FILTER_PATTERN } from './assemble';
import { logsSdk } from './client';
import type { LogEvent } from './records';

/** Beyond this many pages the check says so rather than judge part of the evidence. */
export const MAX_PAGES = 100;

export interface LogsRead {
  events: LogEvent[];
  /** False when MAX_PAGES were read and more remained. */
  complete: boolean;
}

// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_FilterLogEvents.html
export async function readEvents(
  client: CloudWatchLogsClient,
  logGroupName: string,
  since: number,
): Promise<LogsRead> {
  const { FilterLogEventsCommand } = await logsSdk();
  const events: LogEvent[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const out = await client.send(
      new FilterLogEventsCommand({
        logGroupName,
        startTime: since,
        filterPattern: FILTER_PATTERN,
        ...(nextToken && { nextToken }),
      }),
    );
    for (const e of out.events ?? []) {
      if (e.logStreamName && e.message !== undefined && e.timestamp !== undefined) {
        events.push({ stream: e.logStreamName, at: e.timestamp, message: e.message });
      }
    }
    // A page may be empty and still not the last: only a missing token ends the search.
    nextToken = out.nextToken;
    if (!nextToken) return { events, complete: true };
  }
  return { events, complete: false };
}
