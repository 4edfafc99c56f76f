//! The word index of one group of tables: entries, their folded words and codes, and the
//! matching and ranking of a query against them (see the module documentation of `search`).

use std::collections::HashMap;

use codes_data::HsEdition;

use super::{words, MAX_QUERY_WORDS};

/// A code of at most [`Code::MAX`] ASCII bytes, held inline, so that an index borrows nothing
/// from its tables (a pack's index lives as long as the pack, not forever). Its order is the
/// order of the codes as text: the padding bytes are zero, below every character of a code.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Code {
    pub(super) bytes: [u8; Code::MAX],
    pub(super) len: u8,
}

impl Code {
    /// The longest code of any table: an HS subheading (6), an ICAO code (4), a UN/LOCODE (5).
    pub(super) const MAX: usize = 7;

    /// The code, or the empty code when it is longer than [`Code::MAX`] or not printable ASCII
    /// (the tables hold no such code: they are checked when built or loaded).
    pub(super) fn new(code: &str) -> Code {
        let mut out = Code::default();
        if code.len() <= Code::MAX && code.bytes().all(|b| b.is_ascii_graphic()) {
            out.bytes[..code.len()].copy_from_slice(code.as_bytes());
            out.len = code.len() as u8;
        }
        out
    }

    pub(super) fn as_str(&self) -> &str {
        core::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }
}

/// What an entry of an index is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Item {
    UnLocode(u32),
    Airport(u32),
    Country(u16),
    Currency(u16),
    Hs(u32, HsEdition),
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Entry {
    pub(super) item: Item,
    pub(super) code: Code,
    pub(super) country: Code,
    pub(super) weight: u8,
    pub(super) seaport: bool,
}

/// One word of an entry's names: which unique word it is (its rank in text order), and
/// whether it starts a name.
#[derive(Debug, Clone, Copy)]
pub(super) struct Word {
    pub(super) id: u32,
    pub(super) entry: u32,
    pub(super) first: bool,
}

/// The index of one group of tables (places and airports; countries; currencies; HS).
#[derive(Debug, Default)]
pub(super) struct Index {
    pub(super) entries: Vec<Entry>,
    /// Unique folded words, concatenated.
    pub(super) text: String,
    /// Where each unique word is in `text`, sorted by text (a word's id is its position).
    pub(super) unique: Vec<(u32, u32)>,
    /// Every word of every entry, grouped by entry.
    pub(super) words: Vec<Word>,
    /// `words[entry_start[e]..entry_start[e + 1]]` are entry `e`'s words.
    pub(super) entry_start: Vec<u32>,
    /// Indices into `words`, sorted by word text.
    pub(super) postings: Vec<u32>,
    /// (code, entry), sorted by code.
    pub(super) codes: Vec<(Code, u32)>,
    /// The longest code, in bytes.
    pub(super) code_len: usize,
}

pub(super) struct Builder {
    pub(super) index: Index,
    pub(super) interned: HashMap<String, u32>,
}

impl Builder {
    pub(super) fn new() -> Builder {
        Builder {
            index: Index::default(),
            interned: HashMap::new(),
        }
    }

    /// Adds an entry with its codes and names (the first word of each name starts a name).
    pub(super) fn entry(&mut self, entry: Entry, codes: &[&str], names: &[&str], others: &[&str]) {
        let id = self.index.entries.len() as u32;
        self.index.entry_start.push(self.index.words.len() as u32);
        self.index.entries.push(entry);
        for code in codes.iter().filter(|c| !c.is_empty()) {
            self.index.codes.push((Code::new(code), id));
            self.index.code_len = self.index.code_len.max(code.len());
        }
        for (text, first_counts) in names
            .iter()
            .map(|t| (t, true))
            .chain(others.iter().map(|t| (t, false)))
        {
            for (i, word) in words(text).into_iter().enumerate() {
                let unique = match self.interned.get(&word) {
                    Some(&unique) => unique,
                    None => {
                        let unique = self.index.unique.len() as u32;
                        let at = (self.index.text.len() as u32, word.len() as u32);
                        self.index.text.push_str(&word);
                        self.index.unique.push(at);
                        self.interned.insert(word, unique);
                        unique
                    }
                };
                let first = first_counts && i == 0;
                let words = &self.index.words[self.index.entry_start[id as usize] as usize..];
                if words.iter().any(|w| w.id == unique && (w.first || !first)) {
                    continue;
                }
                self.index.words.push(Word {
                    id: unique,
                    entry: id,
                    first,
                });
            }
        }
    }

    pub(super) fn finish(self) -> Index {
        let mut index = self.index;
        drop(self.interned);
        index.entry_start.push(index.words.len() as u32);
        // Unique words in text order; each word's id becomes its rank, so that postings sort
        // by integers and a prefix is a range of ids.
        let mut order: Vec<u32> = (0..index.unique.len() as u32).collect();
        {
            let (text, unique) = (&index.text, &index.unique);
            order.sort_unstable_by(|a, b| {
                span(text, unique[*a as usize]).cmp(span(text, unique[*b as usize]))
            });
        }
        let mut rank = vec![0u32; order.len()];
        for (position, id) in order.iter().enumerate() {
            rank[*id as usize] = position as u32;
        }
        index.unique = order.iter().map(|id| index.unique[*id as usize]).collect();
        for word in &mut index.words {
            word.id = rank[word.id as usize];
        }
        let mut postings: Vec<u32> = (0..index.words.len() as u32).collect();
        {
            let words = &index.words;
            postings.sort_unstable_by_key(|w| {
                let word = words[*w as usize];
                (word.id, word.entry)
            });
        }
        index.postings = postings;
        index.codes.sort_unstable();
        index.text.shrink_to_fit();
        index.words.shrink_to_fit();
        index
    }
}

fn span(text: &str, (start, len): (u32, u32)) -> &str {
    text.get(start as usize..(start + len) as usize)
        .unwrap_or("")
}

/// The class of a match, best first.
const EXACT_CODE: u8 = 0;
const CODE_PREFIX: u8 = 1;
const FIRST_WORD: u8 = 2;
const OTHER_WORD: u8 = 3;
const NO_MATCH: u8 = u8::MAX;

impl Index {
    pub(super) fn word_text(&self, word: Word) -> &str {
        span(&self.text, self.unique[word.id as usize])
    }

    /// The postings whose word starts with `prefix`.
    pub(super) fn prefix_range(&self, prefix: &str) -> &[u32] {
        let text = |u: &(u32, u32)| span(&self.text, *u);
        let low = self.unique.partition_point(|u| text(u) < prefix);
        let high = low + self.unique[low..].partition_point(|u| text(u).starts_with(prefix));
        let id = |p: &u32| self.words[*p as usize].id as usize;
        let first = self.postings.partition_point(|p| id(p) < low);
        let last = self.postings.partition_point(|p| id(p) < high);
        &self.postings[first..last]
    }

    pub(super) fn entry_words(&self, e: u32) -> &[Word] {
        let (a, b) = (
            self.entry_start[e as usize] as usize,
            self.entry_start[e as usize + 1] as usize,
        );
        &self.words[a..b]
    }

    /// The entries that match `query`, ranked, at most `limit`.
    pub(super) fn find(
        &self,
        query: &str,
        code_query: &str,
        keep: &dyn Fn(&Entry) -> bool,
        limit: usize,
    ) -> Vec<u32> {
        if limit == 0 {
            return Vec::new();
        }
        let mut best: HashMap<u32, u8> = HashMap::new();
        let mut note = |e: u32, class: u8| {
            let slot = best.entry(e).or_insert(NO_MATCH);
            *slot = (*slot).min(class);
        };
        if !code_query.is_empty() && code_query.len() <= self.code_len {
            let low = self.codes.partition_point(|(c, _)| c.as_str() < code_query);
            for (code, e) in self.codes[low..]
                .iter()
                .take_while(|(c, _)| c.as_str().starts_with(code_query))
            {
                let (code, e) = (code.as_str(), *e);
                if keep(&self.entries[e as usize]) {
                    note(
                        e,
                        if code == code_query {
                            EXACT_CODE
                        } else {
                            CODE_PREFIX
                        },
                    );
                }
            }
        }
        let query_words: Vec<String> = words(query).into_iter().take(MAX_QUERY_WORDS).collect();
        if let Some(first_query_word) = query_words.first() {
            let ranges: Vec<&[u32]> = query_words.iter().map(|w| self.prefix_range(w)).collect();
            let rarest = ranges
                .iter()
                .enumerate()
                .min_by_key(|(_, r)| r.len())
                .map_or(0, |(i, _)| i);
            let mut last = u32::MAX;
            for &w in ranges[rarest] {
                let e = self.words[w as usize].entry;
                if e == last || !keep(&self.entries[e as usize]) {
                    continue;
                }
                last = e;
                let own = self.entry_words(e);
                let has = |q: &str, first: bool| {
                    own.iter()
                        .any(|x| (x.first || !first) && self.word_text(*x).starts_with(q))
                };
                if query_words
                    .iter()
                    .enumerate()
                    .all(|(i, q)| i == rarest || has(q, false))
                {
                    note(
                        e,
                        if has(first_query_word, true) {
                            FIRST_WORD
                        } else {
                            OTHER_WORD
                        },
                    );
                }
            }
        }
        let mut ranked: Vec<(u8, u8, Code, u32)> = best
            .into_iter()
            .map(|(e, class)| {
                let entry = &self.entries[e as usize];
                (class, u8::MAX - entry.weight, entry.code, e)
            })
            .collect();
        if ranked.len() > limit {
            ranked.select_nth_unstable(limit - 1);
            ranked.truncate(limit);
        }
        ranked.sort_unstable();
        ranked.into_iter().map(|(_, _, _, e)| e).collect()
    }
}

impl Index {
    /// The memory this index holds, in bytes.
    pub(super) fn heap_bytes(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<Entry>()
            + self.text.capacity()
            + self.unique.capacity() * 8
            + self.words.capacity() * std::mem::size_of::<Word>()
            + self.entry_start.capacity() * 4
            + self.postings.capacity() * 4
            + self.codes.capacity() * std::mem::size_of::<(Code, u32)>()
    }
}
