//! The catalog's word index, made ahead while the page is idle. A feed's
//! openings are listed first; their words are indexed afterwards, a part
//! of the catalog at a time, each after a frame has been painted, so that
//! neither the first screen nor the reader's first search waits for them.
//! (A search that comes first makes what it needs itself.)

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::state::SharedCatalog;

/// Indexes `catalog`'s words after the frames that show it, until every
/// part has its index or the catalog is replaced.
#[hook]
pub fn use_word_index_ahead(catalog: SharedCatalog) {
    use_effect_with(catalog, |catalog| {
        let replaced = Rc::new(Cell::new(false));
        let catalog = catalog.clone();
        let stop = replaced.clone();
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                crate::embed::frames::after_paint().await;
                if stop.get() || !catalog.index_next_part() {
                    break;
                }
            }
        });
        move || replaced.set(true)
    });
}
