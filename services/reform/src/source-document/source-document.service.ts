import { randomUUID } from 'node:crypto';
import { requireCapability, unitSubject, type Principal } from '@ps/auth';
import { inForceOn, insertVersion, requiredText, stampAsOf, writeDated } from '@ps/effective-dating';
import { BadUserInputError, DomainError, ErrorCode } from '@ps/errors';
import type { DataSource } from 'typeorm';
import { territoryGuard } from '../territory/territory.guard';
import { SourceDocument, sourceDocumentSnapshot } from './source-document.entity';
import type { RecordSourceDocumentInput } from './source-document.inputs';

/** A document number is recorded once per issuer. */
export class SourceDocumentExistsError extends DomainError {
  constructor(number: string, issuer: string) {
    super(
      ErrorCode.Conflict,
      { vi: `Văn bản ${number} của ${issuer} đã được ghi nhận`, en: `Document ${number} of ${issuer} is already recorded` },
      { details: { reason: 'SOURCE_DOCUMENT_EXISTS', number, issuer } },
    );
  }
}

export class SourceDocumentService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Documents in force on `asOf`, newest first. Resolutions and conclusions are public texts every
   * tier implements, so they are not cut to a territory; the plans citing them are.
   */
  async list(asOf: string): Promise<SourceDocument[]> {
    const documents = await this.dataSource
      .getRepository(SourceDocument)
      .createQueryBuilder('document')
      .where(inForceOn('document', ':asOf'), { asOf })
      .orderBy('document.issued_on', 'DESC')
      .addOrderBy('document.number')
      .getMany();
    return documents.map((document) => stampAsOf(document, asOf));
  }

  /** Records a document once, by an officer of a unit inside the caller's territory; issued no later than recorded. */
  async record(principal: Principal, input: RecordSourceDocumentInput): Promise<SourceDocument> {
    requireCapability(principal, 'officer');
    const fields = {
      kind: input.kind, level: input.level, issuedOn: input.issuedOn,
      number: requiredText(input.number, { vi: 'Số hiệu văn bản', en: 'Document number' }),
      title: requiredText(input.title, { vi: 'Trích yếu văn bản', en: 'Document title' }),
      issuer: requiredText(input.issuer, { vi: 'Cơ quan ban hành', en: 'Issuer' }),
    };
    return writeDated(this.dataSource, { actor: principal, operation: 'recordSourceDocument', change: input.change }, async (write) => {
      if (fields.issuedOn > write.date) {
        throw new BadUserInputError(`Văn bản ban hành ngày ${fields.issuedOn}, sau ngày ghi nhận ${write.date}`, `Issued on ${fields.issuedOn}, after it is recorded on ${write.date}`, {
          reason: 'ISSUED_AFTER_RECORDED', issuedOn: fields.issuedOn,
        });
      }
      const unit = await territoryGuard.unitWithin(write.manager, principal, input.unitCode, write.date);
      const duplicate = await write.manager
        .getRepository(SourceDocument)
        .createQueryBuilder('document')
        .where('upper(document.number) = upper(:number) AND upper(document.issuer) = upper(:issuer)', fields)
        .getExists();
      if (duplicate) throw new SourceDocumentExistsError(fields.number, fields.issuer);
      const document = await insertVersion(write, SourceDocument, { id: randomUUID(), ...fields, unitCode: unit.code });
      write
        .about({ type: 'SourceDocument', id: document.id, label: `${document.number} – ${unitSubject(unit.code).label(unit)}`, unitCode: unit.code, unitPaths: [unit.path] })
        .after(sourceDocumentSnapshot(document));
      return stampAsOf(document, write.date);
    });
  }
}
