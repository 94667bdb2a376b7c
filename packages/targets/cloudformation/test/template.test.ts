import { describe, expect, it } from '@jest/globals';
import { InputError } from '@deploy-actions/core';
import { parsePairs } from '../src/pairs';
import { checkArtifacts, parseTemplate } from '../src/template';
import { stackInputs } from './fixtures';

describe('templates', () => {
  it('parses the short-form tags into their long forms', () => {
    const t = parseTemplate(
      't.yaml',
      `Parameters: { Stage: { Type: String } }
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: !Sub '\${AWS::StackName}-fn'
      Role: !GetAtt Role.Arn
      Layers: !Split [',', !ImportValue shared-layers]
      Tags: [{ Key: stage, Value: !If [IsProd, !Ref Stage, !Join ['-', [a, b]]] }]
`,
    );
    expect(t.resources.Fn!.Properties).toEqual({
      FunctionName: { 'Fn::Sub': '${AWS::StackName}-fn' },
      Role: { 'Fn::GetAtt': ['Role', 'Arn'] },
      Layers: { 'Fn::Split': [',', { 'Fn::ImportValue': 'shared-layers' }] },
      Tags: [
        {
          Key: 'stage',
          Value: { 'Fn::If': ['IsProd', { Ref: 'Stage' }, { 'Fn::Join': ['-', ['a', 'b']] }] },
        },
      ],
    });
    expect([...t.parameters]).toEqual([['Stage', { hasDefault: false }]]);
  });

  it.each([
    ['AWS::Serverless::Function', 'CodeUri: ./src', 'CodeUri', './src'],
    ['AWS::Serverless::Function', 'Handler: index.handler', 'CodeUri', '.'],
    ['AWS::Lambda::Function', 'Code: ./dist', 'Code', './dist'],
    ['AWS::Serverless::LayerVersion', 'ContentUri: layers/deps', 'ContentUri', 'layers/deps'],
    ['AWS::CloudFormation::Stack', 'TemplateURL: nested.yaml', 'TemplateURL', 'nested.yaml'],
  ])('refuses %s with a local path (%s), naming the resource', (type, props, prop, path) => {
    const t = parseTemplate(
      't.yaml',
      `Resources:\n  Thing:\n    Type: ${type}\n    Properties: { ${props} }\n`,
    );
    expect(() => checkArtifacts(t, 't.yaml')).toThrow(
      `resource Thing (${type}) has the local path "${path}" in ${prop}: package the template first (sam package or aws cloudformation package`,
    );
  });

  it('accepts packaged artifacts: S3 URIs, S3 objects, inline and image code', () => {
    const t = parseTemplate(
      't.yaml',
      `Resources:
  A: { Type: AWS::Serverless::Function, Properties: { CodeUri: s3://b/k.zip } }
  B: { Type: AWS::Serverless::Function, Properties: { CodeUri: { Bucket: b, Key: k } } }
  C: { Type: AWS::Serverless::Function, Properties: { InlineCode: 'x' } }
  D: { Type: AWS::Serverless::Function, Properties: { PackageType: Image, ImageUri: 1.dkr.ecr.us-east-1.amazonaws.com/x:1 } }
  E: { Type: AWS::Lambda::Function, Properties: { Code: { ZipFile: 'x' } } }
  F: { Type: AWS::CloudFormation::Stack, Properties: { TemplateURL: 'https://b.s3.amazonaws.com/n.yaml' } }
`,
    );
    expect(() => checkArtifacts(t, 't.yaml')).not.toThrow();
  });

  it('refuses what is not a template, naming template-file', () => {
    expect(() => parseTemplate('t.yaml', 'just: text\n')).toThrow(InputError);
    expect(() => parseTemplate('t.yaml', 'Resources: [\n')).toThrow(
      /^Input "template-file" has value "t.yaml": is not a YAML/,
    );
  });
});

describe('parameters and stack-tags', () => {
  const forms = [
    'Stage: dev\nSize: 3',
    '{"Stage": "dev", "Size": 3}',
    '[{"ParameterKey": "Stage", "ParameterValue": "dev"}, {"ParameterKey": "Size", "ParameterValue": "3"}]',
    'Stage=dev\nSize=3',
  ];
  it.each(forms)('reads %j', (text) => {
    expect(Object.fromEntries(parsePairs('parameters', text))).toEqual({ Stage: 'dev', Size: '3' });
  });

  it('refuses a key given twice and a parameter the template does not have', () => {
    expect(() => parsePairs('parameters', 'A=1\nA=2')).toThrow('gives A twice');
    expect(() => stackInputs({ parameters: 'Stag=dev' })).toThrow(
      /^Input "parameters" has value "Stag=dev": Stag is not a parameter of the template \(it has: Stage\)/,
    );
  });
});
