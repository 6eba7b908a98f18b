/**
 * Every GraphQL document the Projects v2 adapter sends: fixed queries, and mutations batched under aliases (built
 * here, so tests can validate each shape against GitHub's official schema).
 */

const PROJECT_PARTS = `fragment BoardProject on ProjectV2 {
  id
  number
  title
  url
  closed
  fields(first: 50) {
    nodes {
      __typename
      ... on ProjectV2FieldCommon { id name dataType }
      ... on ProjectV2SingleSelectField { options { id name color description } }
      ... on ProjectV2IterationField {
        configuration {
          iterations { id title startDate duration }
          completedIterations { id title startDate duration }
        }
      }
    }
  }
}`;

/** The owner, the repository and the projects whose title matches: one request. */
export const BOARD_BY_TITLE = `query BoardByTitle($owner: String!, $repoOwner: String!, $repo: String!, $title: String!) {
  repository(owner: $repoOwner, name: $repo) { id }
  repositoryOwner(login: $owner) {
    __typename
    id
    login
    ... on ProjectV2Owner {
      projectsV2(first: 20, query: $title) { nodes { ...BoardProject } }
    }
  }
}
${PROJECT_PARTS}`;

export const BOARD_BY_NUMBER = `query BoardByNumber($owner: String!, $repoOwner: String!, $repo: String!, $number: Int!) {
  repository(owner: $repoOwner, name: $repo) { id }
  repositoryOwner(login: $owner) {
    __typename
    id
    login
    ... on ProjectV2Owner {
      projectV2(number: $number) { ...BoardProject }
    }
  }
}
${PROJECT_PARTS}`;

const FIELD_NAME = 'field { ... on ProjectV2FieldCommon { name } }';

/** One page of 100 cards with the values the sync compares. */
export const BOARD_ITEMS = `query BoardItems($project: ID!, $after: String) {
  node(id: $project) {
    ... on ProjectV2 {
      items(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id
          type
          content { ... on Issue { number repository { nameWithOwner } } }
          fieldValues(first: 50) {
            nodes {
              __typename
              ... on ProjectV2ItemFieldSingleSelectValue { optionId name ${FIELD_NAME} }
              ... on ProjectV2ItemFieldNumberValue { number ${FIELD_NAME} }
              ... on ProjectV2ItemFieldDateValue { date ${FIELD_NAME} }
              ... on ProjectV2ItemFieldTextValue { text ${FIELD_NAME} }
              ... on ProjectV2ItemFieldIterationValue { iterationId title ${FIELD_NAME} }
            }
          }
        }
      }
    }
  }
}`;

export const CREATE_PROJECT = `mutation CreateBoard($owner: ID!, $title: String!, $repository: ID) {
  createProjectV2(input: { ownerId: $owner, title: $title, repositoryId: $repository }) {
    projectV2 { ...BoardProject }
  }
}
${PROJECT_PARTS}`;

export const CREATE_FIELD = `mutation CreateBoardField($project: ID!, $type: ProjectV2CustomFieldType!, $name: String!, $options: [ProjectV2SingleSelectFieldOptionInput!]) {
  createProjectV2Field(input: { projectId: $project, dataType: $type, name: $name, singleSelectOptions: $options }) {
    projectV2Field { ... on ProjectV2FieldCommon { id name } }
  }
}`;

/** An iteration field with its sprints laid out (the only time the sync writes iterations: see docs/board-sync.md). */
export const CREATE_ITERATION_FIELD = `mutation CreateSprintField($project: ID!, $name: String!, $configuration: ProjectV2IterationFieldConfigurationInput!) {
  createProjectV2Field(input: { projectId: $project, dataType: ITERATION, name: $name, iterationConfiguration: $configuration }) {
    projectV2Field { ... on ProjectV2IterationField { id name configuration { iterations { id title startDate duration } } } }
  }
}`;

/** Replaces a single select field's options (GitHub has no "add one option" mutation): ids change, values clear. */
export const REPLACE_OPTIONS = `mutation ReplaceStatusOptions($field: ID!, $options: [ProjectV2SingleSelectFieldOptionInput!]) {
  updateProjectV2Field(input: { fieldId: $field, singleSelectOptions: $options }) {
    projectV2Field { ... on ProjectV2SingleSelectField { id name options { id name } } }
  }
}`;

/** One field of a board by its name (null when the board has none). */
export const FIELD_BY_NAME = `query FieldByName($project: ID!, $name: String!) {
  node(id: $project) {
    ... on ProjectV2 { field(name: $name) { ... on ProjectV2FieldCommon { id name } } }
  }
}`;

/** Removes a custom field and every card's value in it (the stash field once the Status values are back). */
export const DELETE_FIELD = `mutation DeleteField($field: ID!) {
  deleteProjectV2Field(input: { fieldId: $field }) {
    projectV2Field { ... on ProjectV2Field { id name } }
  }
}`;

export interface BatchedDocument {
  query: string;
  variables: Record<string, unknown>;
  /** Alias of each entry, in order. */
  aliases: string[];
}

/** Issue node ids by number, many in one request. */
export function issueIdsQuery(owner: string, repo: string, numbers: number[]): BatchedDocument {
  const aliases = numbers.map((_, index) => `i${index}`);
  const declarations = numbers.map((_, index) => `$n${index}: Int!`).join(', ');
  const selections = numbers.map((_, index) => `i${index}: issue(number: $n${index}) { id }`).join('\n    ');
  const variables: Record<string, unknown> = { owner, repo };
  numbers.forEach((number, index) => (variables[`n${index}`] = number));
  return {
    query: `query IssueIds($owner: String!, $repo: String!, ${declarations}) {\n  repository(owner: $owner, name: $repo) {\n    ${selections}\n  }\n}`,
    variables,
    aliases,
  };
}

/** Adds issues to a project, one aliased mutation each. */
export function addItemsMutation(project: string, contentIds: string[]): BatchedDocument {
  const aliases = contentIds.map((_, index) => `a${index}`);
  const declarations = contentIds.map((_, index) => `$c${index}: ID!`).join(', ');
  const selections = contentIds
    .map(
      (_, index) =>
        `a${index}: addProjectV2ItemById(input: { projectId: $project, contentId: $c${index} }) { item { id } }`,
    )
    .join('\n  ');
  const variables: Record<string, unknown> = { project };
  contentIds.forEach((id, index) => (variables[`c${index}`] = id));
  return {
    query: `mutation AddCards($project: ID!, ${declarations}) {\n  ${selections}\n}`,
    variables,
    aliases,
  };
}

export interface ValueWrite {
  itemId: string;
  fieldId: string;
  /** ProjectV2FieldValue: exactly one of singleSelectOptionId, number, date, text, iterationId. */
  value: Record<string, unknown>;
}

/** Sets field values, one aliased mutation each. */
export function setValuesMutation(project: string, writes: ValueWrite[]): BatchedDocument {
  const aliases = writes.map((_, index) => `v${index}`);
  const declarations = writes
    .map((_, index) => `$i${index}: ID!, $f${index}: ID!, $v${index}: ProjectV2FieldValue!`)
    .join(', ');
  const selections = writes
    .map(
      (_, index) =>
        `v${index}: updateProjectV2ItemFieldValue(input: { projectId: $project, itemId: $i${index}, fieldId: $f${index}, value: $v${index} }) { projectV2Item { id } }`,
    )
    .join('\n  ');
  const variables: Record<string, unknown> = { project };
  writes.forEach((write, index) => {
    variables[`i${index}`] = write.itemId;
    variables[`f${index}`] = write.fieldId;
    variables[`v${index}`] = write.value;
  });
  return {
    query: `mutation SetCardValues($project: ID!, ${declarations}) {\n  ${selections}\n}`,
    variables,
    aliases,
  };
}
