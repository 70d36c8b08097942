import type { ApolloServerOptions } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext } from 'graphql';
import { QueryLimitError, type QueryLimit } from './errors';

/** Ceilings of one operation, enforced while parsing and validating, before query planning. */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** The parser stops at this many tokens, so a huge document costs no more than a small one. */
  maxTokens: number;
  /** GraphQL Armor's cost: objects 2, scalars 1, × 1.5 per level, × `first`/`last`. */
  maxCost: number;
}

/** Reports a rejection as one typed error (the Apollo default is an English BAD_USER_INPUT). */
const rejectAs = (limit: QueryLimit, max: number) => ({
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, _error: GraphQLError) => context?.reportError(new QueryLimitError(limit, max))],
});

/**
 * Apollo Server options that enforce the limits: GraphQL Armor's validation rules for depth,
 * aliases, directives and cost, graphql-js's own parser token limit (Armor's token plugin
 * would parse every document twice and answer a rejection with 500), batching off.
 */
export function operationLimits(limits: OperationLimits): Pick<
  ApolloServerOptions<never>,
  'validationRules' | 'parseOptions' | 'allowBatchedHttpRequests'
> {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ...rejectAs('DEPTH', limits.maxDepth) },
    maxAliases: { n: limits.maxAliases, ...rejectAs('ALIASES', limits.maxAliases) },
    maxDirectives: { n: limits.maxDirectives, ...rejectAs('DIRECTIVES', limits.maxDirectives) },
    costLimit: { maxCost: limits.maxCost, ...rejectAs('COST', limits.maxCost) },
    maxTokens: { enabled: false },
    // Suggestions ("Did you mean …") follow the production-mode setting, not the limits.
    blockFieldSuggestion: { enabled: false },
  });
  const { validationRules, allowBatchedHttpRequests } = armor.protect();
  return { validationRules, allowBatchedHttpRequests, parseOptions: { maxTokens: limits.maxTokens } };
}
