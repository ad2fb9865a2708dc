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

/**
 * A drop target: whether files are dragged over it (to show it), and the handlers to spread on it;
 * dropped files go to `take`.
 */
export function useDropTarget(take: (files: FileList | undefined) => void) {
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
      take(e.dataTransfer?.files);
    },
  };
  return { over, handlers };
}
