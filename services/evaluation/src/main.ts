import '@ps/telemetry/register';
import 'reflect-metadata';
import { runService } from '@ps/service-kit';
import { evaluationService } from './service';

void runService(evaluationService);
