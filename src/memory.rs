//! What sop keeps in memory for a while, and gives back: the bounded caches of whole-history
//! work (trees, parsed records, pack objects) and the heap a large reading freed.

use std::collections::HashMap;
use std::hash::Hash;

/// Values kept lately, by key, in at most twice `budget` (each value costs what `put` says:
/// 1 to count values, its bytes to weigh them). Two generations: when the newer is full the
/// older is dropped whole and the newer becomes it; a value found in the older is moved to the
/// newer. Nearly an LRU's hits for a walk through history, at a hash map's cost.
pub struct Generations<K, V> {
    newer: HashMap<K, (V, usize)>,
    older: HashMap<K, (V, usize)>,
    newer_cost: usize,
    budget: usize,
}

impl<K: Hash + Eq + Clone, V: Clone> Generations<K, V> {
    pub fn new(budget: usize) -> Generations<K, V> {
        Generations {
            newer: HashMap::new(),
            older: HashMap::new(),
            newer_cost: 0,
            budget,
        }
    }

    /// The value kept for `key` (moved to the newer generation when found in the older).
    pub fn get(&mut self, key: &K) -> Option<V> {
        if let Some((value, _)) = self.newer.get(key) {
            return Some(value.clone());
        }
        let (value, cost) = self.older.remove(key)?;
        self.put(key.clone(), value.clone(), cost);
        Some(value)
    }

    /// The value kept for `key`, no longer kept.
    pub fn take(&mut self, key: &K) -> Option<V> {
        if let Some((value, cost)) = self.newer.remove(key) {
            self.newer_cost -= cost;
            return Some(value);
        }
        self.older.remove(key).map(|(value, _)| value)
    }

    /// Keeps `value` for `key` (instead of any kept for it), at `cost`.
    pub fn put(&mut self, key: K, value: V, cost: usize) {
        self.take(&key);
        if self.newer_cost + cost > self.budget {
            self.older = std::mem::take(&mut self.newer);
            self.newer_cost = 0;
        }
        self.newer_cost += cost;
        self.newer.insert(key, (value, cost));
    }
}

/// Gives the heap's freed memory back to the system (glibc's `malloc_trim`). After a reading
/// that parsed 100,000s of values on several threads, the freed pieces stay resident, and
/// what comes next adds to them instead of reusing them: a cold `sop list` at 100,000
/// requests peaked at 229 MiB without it and 180 MiB with it (3 interleaved pairs, the same
/// CPU); a whole-history walk's 40 MB of commit nodes counted in verify's peak.
pub fn give_back_freed() {
    // SAFETY: malloc_trim only returns free memory of glibc's heaps; it takes no pointer.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// At most twice the budget is kept; what was used lately stays, the rest goes a
    /// generation at a time; a value taken or replaced is counted once.
    #[test]
    fn two_generations_keep_what_was_used_lately() {
        let mut kept = Generations::new(2);
        kept.put(1, "a", 1);
        kept.put(2, "b", 1);
        kept.put(3, "c", 1); // 1 and 2 are the older generation now
        assert_eq!(kept.get(&1), Some("a")); // moved to the newer, with 3
        kept.put(4, "d", 1); // 3 and 1 older; 2 dropped
        assert_eq!(kept.get(&2), None);
        assert_eq!((kept.get(&3), kept.get(&4)), (Some("c"), Some("d")));
        assert_eq!(kept.take(&4), Some("d"));
        assert_eq!(kept.get(&4), None);
        kept.put(5, "e", 1);
        kept.put(5, "f", 1);
        assert_eq!(kept.get(&5), Some("f"));
        assert_eq!(kept.newer.len() + kept.older.len(), 3);
    }
}
