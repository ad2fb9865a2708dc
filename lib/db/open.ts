import { ClickworkDB } from './schema';

let instance: ClickworkDB | undefined;

/** The extension's database; only the background and extension pages may open it. */
export function openDb(): ClickworkDB {
  instance ??= new ClickworkDB();
  return instance;
}
