import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_SETTINGS,
  migrateSettingsToV2,
  normalizeSettings,
  type Settings,
} from './settings';

/** The stored settings, with a migration per version so that what users chose survives updates. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: { 2: migrateSettingsToV2 },
});

/** Reads the settings, repairing (and reporting) whatever is corrupt. */
export async function loadSettings(): Promise<Settings> {
  const { settings, problems } = normalizeSettings(await settingsItem.getValue());
  if (problems.length > 0) console.warn(`Pledgemark: ${problems.join('; ')}`);
  return settings;
}

/** Calls back with repaired settings whenever they change. Returns the unsubscribe function. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(normalizeSettings(value).settings));
}
