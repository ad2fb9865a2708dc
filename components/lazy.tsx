import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A part of a page drawn after the page's first render, with its code asked for then (a dynamic
 * import), so that the first numbers and chart wait neither for the part's own reads nor, where the
 * bundler gave the part a chunk of its own (the dashboard's sections), for its code (issue 14: the
 * first chart). It renders nothing until its code is there; the code is asked for once per page,
 * and again at the next mount if that failed.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  return function LazyPart(props: P) {
    const [Part, setPart] = useState<ComponentType<P> | undefined>(() => loaded);
    useEffect(() => {
      if (Part) return;
      let mounted = true;
      loading ??= load().then(
        (c) => (loaded = c),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      loading
        .then((c) => mounted && setPart(() => c))
        .catch((error) => console.error('[clickwork] a part of the page could not be loaded', error));
      return () => {
        mounted = false;
      };
    }, []);
    return Part ? <Part {...props} /> : null;
  };
}
