import 'reflect-metadata';
import { join } from 'node:path';
import { writeSubgraphSdl } from '@ps/service-kit';
import { organizationService } from './service';

void writeSubgraphSdl(organizationService, join(__dirname, '..'));
