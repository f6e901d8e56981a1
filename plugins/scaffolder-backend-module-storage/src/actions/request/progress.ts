import { RequestDetailResponse } from '@eks-storage/backstage-plugin-storage-common';

/**
 * Logs each change a waiting step sees (the request's status, the claim's
 * diagnosis), once, so the task log tells the story without repeating it
 * every poll.
 */
export function logChanges(logger: { info(message: string): void }) {
  let last: string | undefined;
  return (detail: RequestDetailResponse) => {
    const { request, claim } = detail;
    const now = `${request.status}/${claim?.diagnosis.state ?? '-'}`;
    if (now === last) return;
    last = now;
    logger.info(
      `Storage request ${request.id}: ${request.status}${
        claim ? `; ${claim.diagnosis.headline}` : ''
      }`,
    );
  };
}
