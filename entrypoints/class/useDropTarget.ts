import { useEffect, useState } from 'preact/hooks';

/** A file dropped beside the zone must not make the browser open it in place of the page. */
export function useNoDropBesideZone() {
  useEffect(() => {
    const stop = (e: DragEvent) => e.preventDefault();
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);
}

/** What Chromium's File System Access API adds to a dropped item (absent in Firefox). */
type HandleItem = DataTransferItem & { getAsFileSystemHandle?: () => Promise<FileSystemHandle | null> };

/**
 * Handles for the items of a drop when a folder is among them and the browser gives handles
 * (Chromium): a dropped folder's File cannot be read, its handle can be listed. Asked during the
 * drop event (its items are gone after it); undefined for a drop of files only, or without handles.
 */
function folderHandles(data: DataTransfer | null): Promise<FileSystemHandle[]> | undefined {
  const items = [...(data?.items ?? [])].filter((i) => i.kind === 'file') as HandleItem[];
  if (!items.some((i) => i.webkitGetAsEntry?.()?.isDirectory) || !items.every((i) => i.getAsFileSystemHandle)) return;
  const asked = items.map((i) => (i.getAsFileSystemHandle as () => Promise<FileSystemHandle | null>).call(i));
  return Promise.all(asked).then((handles) => handles.filter((h): h is FileSystemHandle => !!h));
}

/**
 * A drop target: whether files are dragged over it (to show it), and the handlers to spread on it;
 * dropped files go to `take`, a drop with folders to `takeEntries` (as handles) where the browser
 * gives them.
 */
export function useDropTarget(take: (files: FileList | undefined) => void, takeEntries: (entries: FileSystemHandle[]) => void) {
  const [over, setOver] = useState(false);
  const enter = (e: DragEvent) => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const handlers = {
    onDragEnter: enter,
    onDragOver: enter,
    onDragLeave: (e: DragEvent) => {
      if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) setOver(false);
    },
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setOver(false);
      const files = e.dataTransfer?.files;
      const handles = folderHandles(e.dataTransfer);
      if (!handles) return take(files);
      // No handle after all: the files as the browser gave them (a folder's is refused as unreadable, by name).
      handles.then(
        (entries) => (entries.length ? takeEntries(entries) : take(files)),
        () => take(files),
      );
    },
  };
  return { over, handlers };
}
