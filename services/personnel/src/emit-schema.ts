import 'reflect-metadata';
import { join } from 'node:path';
import { writeSubgraphSdl } from '@ps/service-kit';
import { personnelService } from './service';

void writeSubgraphSdl(personnelService, join(__dirname, '..'));
