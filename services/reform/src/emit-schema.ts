import 'reflect-metadata';
import { join } from 'node:path';
import { writeSubgraphSdl } from '@ps/service-kit';
import { reformService } from './service';

void writeSubgraphSdl(reformService, join(__dirname, '..'));
