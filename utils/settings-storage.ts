import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_SETTINGS,
  migrateSettingsToV2,
  migrateSettingsToV3,
  normalizeSettings,
  type Settings,
} from './settings';

function defineSettingsItem() {
  return storage.defineItem<Settings>('local:settings', {
    fallback: DEFAULT_SETTINGS,
    version: 3,
    migrations: { 2: migrateSettingsToV2, 3: migrateSettingsToV3 },
  });
}

let definedItem: ReturnType<typeof defineSettingsItem> | undefined;

/**
 * The stored settings, with a migration per version so that what users chose survives updates.
 * Defined on first use, not on import: defining it starts WXT's migration check (a storage read
 * and a lock), which a content script should not pay for in the task that injects it.
 */
export function settingsItem(): ReturnType<typeof defineSettingsItem> {
  return (definedItem ??= defineSettingsItem());
}

/** Reads the settings, repairing (and reporting) whatever is corrupt. */
export async function loadSettings(): Promise<Settings> {
  const { settings, problems } = normalizeSettings(await settingsItem().getValue());
  if (problems.length > 0) console.warn(`Pledgemark: ${problems.join('; ')}`);
  return settings;
}

/** Calls back with repaired settings whenever they change. Returns the unsubscribe function. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem().watch((value) => callback(normalizeSettings(value).settings));
}
