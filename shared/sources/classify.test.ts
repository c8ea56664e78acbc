import { describe, expect, it } from 'vitest';
import { isPassiveCue, proposeKind } from './classify';

const kind = (words: string, cue = 'said', before = '') => proposeKind({ words, cue, before }).kind;

describe('proposeKind: one test per rule', () => {
  it('passive voice with no one named', () => {
    expect(kind('It', 'was claimed')).toBe('passive');
    expect(kind('', 'was said')).toBe('passive');
    expect(kind('it', 'was widely reported')).toBe('passive');
    expect(kind('', 'reported', 'It was')).toBe('passive');
  });
  it('hearsay adverbs are passive', () => expect(kind('', 'reportedly')).toBe('passive'));
  it('a passive with an agent is the agent', () => expect(kind('', 'was reported by the New York Times')).toBe('media'));
  it('he/she are people; they/it are unknown', () => {
    expect(kind('He')).toBe('person');
    expect(kind('she')).toBe('person');
    expect(kind('they')).toBe('unknown');
  });
  it('known outlets and media nouns', () => {
    expect(kind('Fox News', 'reported')).toBe('media');
    expect(kind('The Miami Herald', 'wrote')).toBe('media');
    expect(kind('U.S. media', 'reported')).toBe('media');
    expect(kind('reports in the US press', 'According to')).toBe('media');
    expect(kind('a report by the New York Times', 'According to')).toBe('media');
  });
  it('a named columnist of an outlet is a person', () => expect(kind('Washington Post columnist George Will')).toBe('person'));
  it('documents and statements', () => {
    expect(kind('a statement')).toBe('document');
    expect(kind("Trump's announcement", '')).toBe('document');
    expect(kind('Video', 'shows')).toBe('document');
  });
  it('indefinite or plural unnamed people are anonymous', () => {
    expect(kind('A source close to the discussions', 'told the Miami Herald')).toBe('anonymous');
    expect(kind('officials')).toBe('anonymous');
    expect(kind('sources')).toBe('anonymous');
    expect(kind('a senior administration official')).toBe('anonymous');
    expect(kind('Critics')).toBe('anonymous');
  });
  it('one person by role with a definite article', () => expect(kind('the Republican nominee')).toBe('person'));
  it('an unnamed spokesperson speaks for an organisation', () => expect(kind('a White House spokesman')).toBe('organisation'));
  it('organisations and institutions', () => {
    expect(kind('The Venezuelan government', 'condemned')).toBe('organisation');
    expect(kind('the Clinton campaign')).toBe('organisation');
    expect(kind('the FBI')).toBe('organisation');
    expect(kind('Moscow')).toBe('organisation');
  });
  it('capitalised names are people', () => {
    expect(kind('Donald Trump')).toBe('person');
    expect(kind('Trump')).toBe('person');
    expect(kind('Tulsa police Chief Chuck Jordan')).toBe('person');
  });
  it('words no rule understands are unknown, not a guess', () => {
    expect(kind('the deal')).toBe('unknown');
    expect(kind('', 'said')).toBe('unknown');
    expect(kind('', '')).toBe('unknown');
  });
  it('isPassiveCue looks at the auxiliary before a bare participle', () => {
    expect(isPassiveCue('noted', 'It was')).toBe(true);
    expect(isPassiveCue('noted', 'Trump')).toBe(false);
  });
});
