/**
 * The page side of the terms benchmark (`test/bench/user-terms.ts`): run in an extension page,
 * it writes the synthetic terms into the extension's own database, as if the reader had added
 * them, for the background to compile into its matcher when it next starts.
 */
import { PledgemarkDatabase } from '../../../data/store/db';
import { syntheticUserTerms } from '../synthetic-terms';

declare global {
  interface Window {
    __pmSeedUserTerms: (count: number) => Promise<number>;
  }
}

window.__pmSeedUserTerms = async (count) => {
  const db = new PledgemarkDatabase();
  try {
    await db.addedTerms.bulkPut(syntheticUserTerms(count));
    return await db.addedTerms.count();
  } finally {
    db.close();
  }
};
