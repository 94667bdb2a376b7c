// CloudFormation's answers in the shapes AWS documents, and the stack inputs the unit tests deploy.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CloudFormationClient,
  type Change,
  type Stack,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import { InputReader } from '@deploy-actions/core';
import type { StackClients } from '../src/clients';
import { readStackDeployInputs, type StackDeployInputs } from '../src/inputs';

export const STACK = 'orders';
export const STACK_ID = `arn:aws:cloudformation:us-east-1:123456789012:stack/${STACK}/5a2b1c10-4f6e-11ef-9b3c-0a1b2c3d4e5f`;
export const CS_ID = `arn:aws:cloudformation:us-east-1:123456789012:changeSet/deploy-green-1767225600000/8e1f0d6a-2b7c-4c11-a0de-1f2e3d4c5b6a`;

/** An error as the SDK throws it for an AWS error response (a query-protocol ValidationError and the like). */
export function awsError(name: string, message: string, status = 400): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}

export const missing = () => awsError('ValidationError', `Stack with id ${STACK} does not exist`);

export function stack(status: string, extra: Partial<Stack> = {}): { Stacks: Stack[] } {
  return {
    Stacks: [
      {
        StackId: STACK_ID,
        StackName: STACK,
        StackStatus: status as Stack['StackStatus'],
        CreationTime: new Date('2026-12-01T10:00:00Z'),
        ...extra,
      },
    ],
  };
}

let eventNo = 0;
export function event(id: string, type: string, status: string, reason?: string): StackEvent {
  return {
    StackId: STACK_ID,
    EventId: `${id}-${status}-${++eventNo}`,
    StackName: STACK,
    LogicalResourceId: id,
    ResourceType: type,
    ResourceStatus: status as StackEvent['ResourceStatus'],
    Timestamp: new Date(Date.UTC(2026, 11, 1, 10, 0, eventNo)),
    ...(reason && { ResourceStatusReason: reason }),
  };
}

export function change(
  action: 'Add' | 'Modify' | 'Remove',
  id: string,
  type: string,
  replacement?: 'True' | 'False' | 'Conditional',
): Change {
  return {
    Type: 'Resource',
    ResourceChange: {
      Action: action,
      LogicalResourceId: id,
      ResourceType: type,
      ...(action !== 'Add' && { PhysicalResourceId: `${STACK}-${id}-1A2B3C` }),
      ...(replacement && { Replacement: replacement, Scope: ['Properties'] }),
    },
  };
}

export const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Parameters:
  Stage:
    Type: String
    Default: prod
Resources:
  Api:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: !Sub 'orders-\${Stage}'
      CodeUri: s3://artifacts/orders/abc123.zip
      Handler: index.handler
      Runtime: nodejs22.x
      Role: !GetAtt Role.Arn
      Environment:
        Variables:
          TABLE: !Ref Table
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
Outputs:
  FunctionName:
    Value: !Ref Api
`;

/** The stack inputs of deploy-green, read as the action reads them, with the template in a fresh workspace. */
export function stackInputs(given: Record<string, string> = {}, template = TEMPLATE): StackDeployInputs {
  const workspace = mkdtempSync(join(tmpdir(), 'stack-unit-'));
  writeFileSync(join(workspace, 'template.yaml'), template);
  const values: Record<string, string> = { 'template-file': 'template.yaml', ...given };
  return readStackDeployInputs(new InputReader((n) => values[n] ?? ''), STACK, workspace);
}

export function clients(
  cfn: CloudFormationClient,
  more: Partial<Omit<StackClients, 'cfn'>> = {},
): StackClients {
  const refuse = async (): Promise<never> => {
    throw new Error('client not expected in this test');
  };
  return { cfn, cloudwatch: refuse, lambda: refuse, s3: refuse, ...more };
}

export function memoryLog() {
  const lines: string[] = [];
  return {
    lines,
    info: (m: string) => void lines.push(m),
    warning: (m: string) => void lines.push(`warning: ${m}`),
  };
}
