import { browser } from 'wxt/browser';

/**
 * Messages between extension pages and the background (content scripts' messages are in
 * lib/messages.ts). Every one is named here, with what it answers: no page or background code
 * writes a message type as a bare string.
 */
export interface PageMessages {
  /** Stored data changed (from the background after a write, or from a page that wrote): pages redraw. */
  'events-changed': undefined;
  /** The tracking choices changed (a page saved them): the background reads them again. */
  'tracking-changed': undefined;
  /** A page asks whether writes are failing (a full disk). */
  status: { storageProblem: { at: number; full: boolean } | null };
}
export type PageMessageType = keyof PageMessages;
export type PageMessage = { type: PageMessageType };

const TYPES: readonly PageMessageType[] = ['events-changed', 'tracking-changed', 'status'];

/** The page message `m` is, if it is one. */
export function pageMessageType(m: unknown): PageMessageType | undefined {
  const type = (m as { type?: unknown } | null)?.type;
  return TYPES.find((t) => t === type);
}

/** Tells the other extension pages (or the background) that something changed; nobody listening is fine. */
export function announce(type: 'events-changed' | 'tracking-changed'): void {
  browser.runtime.sendMessage({ type } satisfies PageMessage).catch(() => {});
}

/** Asks the background a question and gets its typed answer (undefined when it cannot answer). */
export async function ask<T extends 'status'>(type: T): Promise<PageMessages[T] | undefined> {
  return (await browser.runtime.sendMessage({ type } satisfies PageMessage).catch(() => undefined)) as
    | PageMessages[T]
    | undefined;
}

/** Calls `listener` each time stored data changes; returns what stops listening. */
export function onEventsChanged(listener: () => void): () => void {
  const wrapped = (m: unknown) => {
    if (pageMessageType(m) === 'events-changed') listener();
  };
  browser.runtime.onMessage.addListener(wrapped);
  return () => browser.runtime.onMessage.removeListener(wrapped);
}
