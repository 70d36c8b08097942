import { AS_OF_ARGUMENT, asOfDate, Decision, type DecisionLoaders, LocalDate } from '@ps/effective-dating';
import type { RequestContext } from '@ps/service-kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Person } from '../person/person.entity';
import type { PersonService } from '../person/person.service';
import { Rotation } from './rotation.entity';
import { CompleteRotationInput, ExtendRotationInput, StartRotationInput } from './rotation.inputs';
import type { RotationService } from './rotation.service';

type Context = RequestContext<DecisionLoaders>;

@Resolver(() => Rotation)
export class RotationResolver {
  constructor(
    private readonly service: RotationService,
    private readonly people: PersonService,
  ) {}

  @Mutation(() => Rotation, { description: 'Bắt đầu luân chuyển cán bộ trong quy hoạch / start rotating a planned cadre' })
  startRotation(@Arg('input') input: StartRotationInput, @Ctx() { principal }: Context) {
    return this.service.start(principal, input);
  }

  @Mutation(() => Rotation, { description: 'Kéo dài thời gian luân chuyển / extend a rotation' })
  extendRotation(@Arg('id', () => ID) id: string, @Arg('input') input: ExtendRotationInput, @Ctx() { principal }: Context) {
    return this.service.extend(principal, id, input);
  }

  @Mutation(() => Rotation, { description: 'Kết thúc luân chuyển / complete a rotation' })
  completeRotation(@Arg('id', () => ID) id: string, @Arg('input') input: CompleteRotationInput, @Ctx() { principal }: Context) {
    return this.service.complete(principal, id, input);
  }

  @Query(() => [Rotation], { description: 'Các đợt luân chuyển đi hoặc đến một đơn vị vào ngày asOf / rotations from or to a unit as of a date' })
  rotations(
    @Arg('unitCode', () => ID) unitCode: string,
    @Arg('asOf', () => LocalDate, AS_OF_ARGUMENT) asOf: string | null,
    @Ctx() { principal }: Context,
  ) {
    return this.service.ofUnit(principal, unitCode, asOfDate(asOf));
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Người được luân chuyển, như vào ngày tra cứu (null ngoài địa bàn) / the person as of the date asked' })
  person(@Root() rotation: Rotation, @Ctx() { principal }: Context) {
    return this.people.byId(principal, rotation.personId, rotation.asOf);
  }

  @FieldResolver(() => Decision, { nullable: true, description: 'Quyết định của phiên bản này / decision behind this version' })
  decision(@Root() rotation: Rotation, @Ctx() { loaders }: Context) {
    return rotation.decisionId ? loaders.decisionById.load(rotation.decisionId) : null;
  }
}
