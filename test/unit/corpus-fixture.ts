import { buildCorpus } from '../../data/build/corpus-builder';
import { GLOSSARY } from '../../data/glossary';
import { SOURCES } from './corpus-sources';

/** The real corpus, built once per test file from the raw sources and the glossary. */
export const BUILT = buildCorpus(SOURCES, GLOSSARY);
export const CORPUS = BUILT.corpus;
