import { knowledgeGeneration } from './read-store';

/**
 * A value loaded from content/ (annotations, scenarios, catalogues) and kept until an import
 * stores another knowledge base in the server's database; in the CLI, kept for the process.
 */
export function contentCache<T>(load: () => T): () => T {
  let held: { generation: string | null; value: T } | undefined;
  return () => {
    const generation = knowledgeGeneration();
    if (held === undefined || held.generation !== generation) held = { generation, value: load() };
    return held.value;
  };
}
