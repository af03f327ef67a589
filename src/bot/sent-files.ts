import type { Activity, FileDownloadInfo } from 'botbuilder';
import type { SentFile } from '../commands/file-imports.js';

/**
 * The attachment Teams sends for a file a person attached in a personal chat with a bot whose
 * manifest sets supportsFiles: the file went to their OneDrive, and `content.downloadUrl` fetches
 * it without a token for a few minutes (learn.microsoft.com, "Send and receive files using bot").
 */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** The files attached to a message; other attachments (inline images, the message's own HTML) are not files. */
export function sentFiles(activity: Activity): SentFile[] {
  return (activity.attachments ?? []).flatMap((attachment) => {
    if (attachment.contentType !== FILE_DOWNLOAD_INFO) return [];
    const { downloadUrl } = (attachment.content ?? {}) as FileDownloadInfo;
    if (typeof downloadUrl !== 'string' || downloadUrl === '') return [];
    return [{ name: attachment.name?.trim() || 'file', downloadUrl }];
  });
}
