import { join } from 'node:path';
import { committedSubgraphSdl, subgraphSdl } from '@ps/service-kit';
import { personnelService } from './service';

it('schema.graphql is the SDL the code emits (run `pnpm emit-schema` after a schema change)', async () => {
  expect(committedSubgraphSdl(join(__dirname, '..'))).toBe(await subgraphSdl(personnelService));
});
