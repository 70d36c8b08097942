import { consumerView, fieldsRead } from '@ps/events';
import { AssignmentChanged } from '../personnel/assignment.events';
import { PersonRegistered } from '../personnel/person.events';

/**
 * What evaluation reads of personnel's people and posts, to know whom it rates and in which
 * post: a person's name, unit and category (the rule set's subject follows it); a post's holder,
 * organization, title, unit, whether it is held concurrently, and from when (ASSIGNED, MOVED to a
 * successor's organization, ENDED). Nothing personal beyond the name.
 */
export const ratedPersonnelReads = {
  personRegistered: consumerView(
    PersonRegistered,
    fieldsRead(PersonRegistered.payload, { personId: true, fullName: true, unitCode: true, category: true }),
  ),
  assignmentChanged: consumerView(
    AssignmentChanged,
    fieldsRead(AssignmentChanged.payload, {
      assignmentId: true, personId: true, action: true, organizationId: true, titleCode: true, concurrent: true, unitCode: true, effectiveDate: true,
    }),
  ),
};
