/**
 * Query strings are untrusted: any parameter may be missing, repeated, an array or an object, overlong
 * or full of control characters. These readers turn them into well-formed values or a 400 with a
 * message the user can act on — never an exception that becomes a 500.
 */
import { MAX_LIMIT, type SearchRequest } from '../../search/engine.js';
import { MAX_QUERY_LENGTH } from '../../search/query/parse.js';
import { cleanInput } from '../../text/clean-input.js';
import { badRequest } from './http-error.js';

export type Query = Record<string, unknown>;

/** Values one filter may take at once; the corpus has a handful of years, types and topics. */
const MAX_VALUES = 20;
const MAX_VALUE_LENGTH = 200;
const MAX_PAGE = 1000;

/** What a search asks for, apart from which slice of the results. */
export interface SearchFilters {
  q: string;
  years: number[];
  topics: string[];
  types: string[];
  /** The words as typed only, not widened by abbreviations and synonyms (`exact=1`). */
  exact: boolean;
}

export function searchFilters(query: Query): SearchFilters {
  const q = cleanInput(single(query, 'q') ?? '').trim();
  if (q.length > MAX_QUERY_LENGTH) throw badRequest(`Søket er for langt: ${q.length} tegn. Bruk høyst ${MAX_QUERY_LENGTH} tegn.`);
  return {
    q,
    years: values(query, 'year').map(year),
    topics: values(query, 'topic').map((v) => text(v, 'topic')),
    types: values(query, 'type').map((v) => text(v, 'type')),
    exact: flag(query, 'exact'),
  };
}

/** `limit` and `offset` of the JSON API: whole numbers; beyond the maximum means the maximum. */
export function apiSearchRequest(query: Query): SearchRequest {
  const { q, years, topics, types, exact } = searchFilters(query);
  return { q, years, topics, types, exact, limit: count(query, 'limit', 0, MAX_LIMIT) ?? 10, offset: count(query, 'offset', 0, Number.MAX_SAFE_INTEGER) ?? 0 };
}

/** The result page (`side`) of the search page, from 1. */
export function pageNumber(query: Query): number {
  return count(query, 'side', 1, MAX_PAGE) ?? 1;
}

/** A paragraph id (`mdb-2024/2.1.1-ungdomsgarantien-1`), required. */
export function paragraphId(query: Query): string {
  const id = single(query, 'id');
  if (id === undefined || id.trim() === '') throw badRequest('Oppgi id-en til et avsnitt, for eksempel id=mdb-2024/2.1.1-ungdomsgarantien-1.');
  return text(id.trim(), 'id');
}

function values(query: Query, name: string): string[] {
  const value = Object.hasOwn(query, name) ? query[name] : undefined;
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((v): v is string => typeof v === 'string')) throw badRequest(`Ugyldig verdi for «${name}».`);
  if (list.length > MAX_VALUES) throw badRequest(`«${name}» kan oppgis høyst ${MAX_VALUES} ganger.`);
  return list.filter((v) => v !== '');
}

function single(query: Query, name: string): string | undefined {
  const list = values(query, name);
  if (list.length > 1) throw badRequest(`«${name}» kan bare oppgis én gang.`);
  return list[0];
}

/** On for `1` or `true`; anything else, however malformed, is off: a switch has nothing to get wrong. */
function flag(query: Query, name: string): boolean {
  const value = Object.hasOwn(query, name) ? query[name] : undefined;
  return value === '1' || value === 'true';
}

function year(value: string): number {
  if (!/^\d{4}$/.test(value)) throw badRequest(`«year» må være et årstall med fire sifre, som 2024 (fikk «${shorten(value)}»).`);
  return Number(value);
}

function text(value: string, name: string): string {
  const cleaned = cleanInput(value);
  if (cleaned.length > MAX_VALUE_LENGTH) throw badRequest(`«${name}» er for lang (høyst ${MAX_VALUE_LENGTH} tegn).`);
  return cleaned;
}

/** A whole number from `min`; larger than `max` means `max`. */
function count(query: Query, name: string, min: number, max: number): number | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= min)) throw badRequest(`«${name}» må være et heltall fra ${min} (fikk «${shorten(value)}»).`);
  return Math.min(n, max);
}

function shorten(value: string): string {
  const cleaned = cleanInput(value);
  return cleaned.length > 40 ? `${cleaned.slice(0, 40)}…` : cleaned;
}
