import type { ApolloServerPlugin, BaseContext, GraphQLResponse } from '@apollo/server';
import { ApolloServerValidationErrorCode } from '@apollo/server/errors';
import { applyDateRange } from '@ps/effective-dating';
import { DomainError } from '@ps/errors';
import { GraphQLError, type OperationDefinitionNode } from 'graphql';
import { EdgeError } from './edge.errors';
import type { EdgeSettings } from './edge.settings';
import { requireWellFormedText } from './input-text';

const SYNTAX = 'Truy vấn GraphQL sai cú pháp';
const INVALID = 'Truy vấn không khớp với lược đồ';
const INTROSPECTION_OFF = 'Truy vấn cấu trúc lược đồ (introspection) đang tắt / Introspection is disabled';
const SUGGESTION = / ?Did you mean(.+?)\?$/;

/**
 * The GraphQL half of the edge, the same on the gateway and every subgraph:
 * - the schema's `LocalDate` accepts the configured date range (the gateway's API schema too,
 *   so a bad date is refused before planning);
 * - an operation that cannot be resolved (several without `operationName`, an unknown name) or a
 *   subscription is refused with 400 and its own code before anything runs;
 * - strings with a NUL, a lone surrogate or too many characters are refused (BAD_USER_INPUT);
 * - parse and validation errors read Vietnamese first, a typed error GraphQL wrapped reads as it
 *   was thrown, and no answer suggests field names
 *   ("Did you mean …") unless introspection is on.
 */
export function edgePlugin(settings: EdgeSettings): ApolloServerPlugin<BaseContext> {
  return {
    async serverWillStart() {
      return { schemaDidLoadOrUpdate: ({ apiSchema }) => applyDateRange(apiSchema, settings.dateRange) };
    },
    async requestDidStart() {
      return {
        async parsingDidStart() {
          return async (error) => {
            if (error) error.message = `${SYNTAX} / ${error.message}`;
          };
        },
        async validationDidStart() {
          return async (errors) => errors?.forEach(explainValidationError);
        },
        async didResolveOperation({ request, document, operation }) {
          requireOneQueryOrMutation(operation, request.operationName);
          requireWellFormedText(document, request.variables, settings.textMaxLength);
        },
        async didEncounterErrors({ errors }) {
          errors.forEach(readAsThrown);
        },
        async willSendResponse({ response }) {
          if (!settings.introspection) hideSuggestions(response);
        },
      };
    },
  };
}

function requireOneQueryOrMutation(operation: OperationDefinitionNode | undefined, operationName: string | undefined): void {
  if (!operation) throw new EdgeError(operationName ? 'OPERATION_NOT_FOUND' : 'OPERATION_NAME_REQUIRED');
  if (operation.operation === 'subscription') throw new EdgeError('SUBSCRIPTION_UNSUPPORTED');
}

/** graphql-js words, with Vietnamese first; a typed error (a scalar's refusal) already reads so. */
function explainValidationError(error: Error): void {
  const graphqlError = error instanceof GraphQLError ? error : undefined;
  if (error instanceof DomainError || graphqlError?.originalError instanceof DomainError) return;
  if (graphqlError?.extensions.validationErrorCode === ApolloServerValidationErrorCode.INTROSPECTION_DISABLED) {
    error.message = INTROSPECTION_OFF;
    return;
  }
  error.message = `${INVALID} / ${error.message}`;
}

/** A typed error GraphQL wrapped ("Variable \"$asOf\" got invalid value …; <message>") reads as it was thrown. */
function readAsThrown(error: GraphQLError): void {
  if (error.originalError instanceof DomainError) error.message = error.originalError.message;
}

/** Removes "Did you mean …?" from every error of the answer, wherever it was raised. */
function hideSuggestions(response: GraphQLResponse): void {
  if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
  response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
    SUGGESTION.test(error.message) ? { ...error, message: error.message.replace(SUGGESTION, '') } : error,
  );
}
