import fs from 'node:fs';
import path from 'node:path';
import { renderedCacheVariable } from '../render';

/** Removes what the global setup rendered. */
export default function removeRendered(): void {
  const file = process.env[renderedCacheVariable];
  if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
