/**
 * GitHub's official GraphQL schema (@octokit/graphql-schema), built once: the emulator executes every request
 * against it, and tests validate the adapter's documents with it, so neither can drift from GitHub's API.
 *
 * The package's schema.graphql defines a few enterprise fields twice, which graphql-js's SDL validation rejects;
 * `assumeValidSDL` builds it anyway (the later definition wins), and `validateSchema` then finds the schema sound.
 * The package's schema.json (introspection) is older than its schema.graphql (it lacks updateProjectV2Field), so the
 * SDL is the one used.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate, validateSchema, type GraphQLError, type GraphQLSchema } from 'graphql';
import { repositoryRoot } from '../../../repository-root.js';

let cached: GraphQLSchema | undefined;

export function githubSchema(): GraphQLSchema {
  if (cached) return cached;
  const file = path.join(
    repositoryRoot(import.meta.url),
    'node_modules',
    '@octokit',
    'graphql-schema',
    'schema.graphql',
  );
  const schema = buildSchema(readFileSync(file, 'utf8'), { assumeValidSDL: true });
  const problems = validateSchema(schema);
  if (problems.length > 0)
    throw new Error(`GitHub's GraphQL schema is unsound: ${problems[0]?.message ?? ''}`);
  cached = schema;
  return schema;
}

/** Validation errors of a document against GitHub's schema (empty when GitHub would accept it). */
export function validateAgainstGitHub(document: string): readonly GraphQLError[] {
  return validate(githubSchema(), parse(document));
}
