import '@ps/telemetry/register';
import 'reflect-metadata';
import { runService } from '@ps/service-kit';
import { reformService } from './service';

void runService(reformService);
