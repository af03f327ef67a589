import Bottleneck from 'bottleneck';

/**
 * A budget of calls per window (Bottleneck's reservoir): at most `calls` start in any window of
 * `windowMs`, the rest wait for the next window; at most `concurrent` run at once.
 */
export function pace(calls: number, windowMs: number, concurrent: number): Bottleneck {
  return new Bottleneck({ reservoir: calls, reservoirRefreshAmount: calls, reservoirRefreshInterval: windowMs, maxConcurrent: concurrent });
}

/** Partner Center throttles at about 500 requests a minute per partner tenant. */
export const partnerCenterPace = (perMinute: number): Bottleneck => pace(perMinute, 60_000, 8);

/** Graph's usage reports allow about 14 requests per 10 minutes per app and tenant. */
export const graphReportPace = (): Bottleneck => pace(14, 10 * 60_000, 2);
