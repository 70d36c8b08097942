import { AS_OF_ARGUMENT, asOfDate, LocalDate } from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { SourceDocument } from './source-document.entity';
import { RecordSourceDocumentInput } from './source-document.inputs';
import type { SourceDocumentService } from './source-document.service';

@Resolver(() => SourceDocument)
export class SourceDocumentResolver {
  constructor(private readonly documents: SourceDocumentService) {}

  @Query(() => [SourceDocument], { description: 'Các văn bản được thực hiện, như vào ngày asOf / source documents as of a date' })
  sourceDocuments(@Arg('asOf', () => LocalDate, AS_OF_ARGUMENT) asOf: string | null) {
    return this.documents.list(asOfDate(asOf));
  }

  @Mutation(() => SourceDocument, { description: 'Ghi nhận văn bản (nghị quyết, kết luận, chỉ thị, hướng dẫn) / record a source document' })
  recordSourceDocument(@Arg('input') input: RecordSourceDocumentInput, @Ctx() { principal }: RequestContext<object>) {
    return this.documents.record(principal, input);
  }
}
