import 'reflect-metadata';
import { join } from 'node:path';
import { writeSubgraphSdl } from '@ps/service-kit';
import { evaluationService } from './service';

void writeSubgraphSdl(evaluationService, join(__dirname, '..'));
