import { stat } from 'node:fs/promises';

/**
 * A token that changes whenever a file steno wrote changes: inode, modification time and size
 * (steno replaces the file by renaming, so the inode changes on every write); 'none' when absent.
 */
export async function fileRevision(path: string): Promise<string> {
  try {
    const s = await stat(path);
    return `${s.ino}:${s.mtimeMs}:${s.size}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
    throw error;
  }
}
