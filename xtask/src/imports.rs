//! The wasm's imports, renamed short in `dist/`. wasm-bindgen names each
//! function the board imports from its glue after the Web API and a hash
//! (`__wbg_setAttribute_f75317b2b5cabfb4`): about 190 of them, each written
//! twice, once in the wasm's import section and once as a key of the glue's
//! imports object — some 6.2 KB of the embed's gzip, mostly the hashes,
//! which do not compress. Here each becomes `a`, `b`, … `aa`… in both
//! files. Every other section of the wasm is copied byte for byte, and the
//! glue must hold each name exactly once as a key, or the build stops: a
//! wasm-bindgen that writes its glue another way is caught here, not in a
//! browser.

use std::collections::HashMap;

use wasm_encoder::{EntityType, ImportSection, Module, RawSection};
use wasmparser::{Parser, Payload};

/// The module the wasm imports its glue's functions from, as wasm-bindgen
/// (`--target web`) names it for Trunk's `openings-board` build.
pub const GLUE_MODULE: &str = "./openings-board_bg.js";

/// The `n`th short name: `a`…`z`, `A`…`Z`, then `aa`, `ab`…
fn short_name(mut n: usize) -> String {
    const LETTERS: &[u8; 52] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.push(LETTERS[n % 52]);
        if n < 52 {
            break;
        }
        n = n / 52 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// Each import renamed: its old name and its new one.
pub type Renamed = Vec<(String, String)>;

/// The wasm with every import from `module` renamed short, and the names
/// given.
pub fn shorten_wasm(wasm: &[u8], module: &str) -> Result<(Vec<u8>, Renamed), String> {
    let mut out = Module::new();
    let mut renamed = Renamed::new();
    let mut given: HashMap<String, String> = HashMap::new();
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(|e| format!("the wasm could not be read: {e}"))?;
        match payload {
            Payload::ImportSection(reader) => {
                let mut imports = ImportSection::new();
                for import in reader.into_imports() {
                    let import =
                        import.map_err(|e| format!("the wasm's imports could not be read: {e}"))?;
                    let ty = EntityType::try_from(import.ty).map_err(|_| {
                        format!(
                            "the import {} has a type this build cannot write",
                            import.name
                        )
                    })?;
                    let name = if import.module == module {
                        let next = given.len();
                        given
                            .entry(import.name.to_string())
                            .or_insert_with(|| {
                                let new = short_name(next);
                                renamed.push((import.name.to_string(), new.clone()));
                                new
                            })
                            .clone()
                    } else {
                        import.name.to_string()
                    };
                    imports.import(import.module, &name, ty);
                }
                out.section(&imports);
            }
            other => {
                if let Some((id, range)) = other.as_section() {
                    let range = range.start as usize..range.end as usize;
                    let data = wasm
                        .get(range)
                        .ok_or("the wasm ends inside one of its sections")?;
                    out.section(&RawSection { id, data });
                }
            }
        }
    }
    let bytes = out.finish();
    wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all())
        .validate_all(&bytes)
        .map_err(|e| format!("the wasm with its imports renamed is not valid: {e}"))?;
    Ok((bytes, renamed))
}

/// The glue with each old name, a key of its imports object (`old:`,
/// after `{` or `,`), written as the new one. Each old name must be there
/// exactly once.
pub fn shorten_glue(glue: &str, renamed: &[(String, String)]) -> Result<String, String> {
    let mut out = glue.to_string();
    for (old, new) in renamed {
        let key = format!("{old}:");
        let places: Vec<usize> = out
            .match_indices(&key)
            .map(|(at, _)| at)
            .filter(|&at| matches!(out[..at].chars().next_back(), Some('{' | ',')))
            .collect();
        let [at] = places[..] else {
            return Err(format!(
                "the glue names the import {old} {} times as a key, not once: has wasm-bindgen changed how it writes its glue?",
                places.len()
            ));
        };
        out.replace_range(at..at + old.len(), new);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{
        CodeSection, ExportKind, ExportSection, Function, FunctionSection, Instruction,
        TypeSection, ValType,
    };

    /// A module importing two functions from the glue (one of them twice
    /// under the same name) and one from elsewhere, calling them.
    fn module() -> Vec<u8> {
        let mut m = Module::new();
        let mut types = TypeSection::new();
        types.ty().function([ValType::I32], [ValType::I32]);
        m.section(&types);
        let mut imports = ImportSection::new();
        imports.import(
            GLUE_MODULE,
            "__wbg_setAttribute_f75317b2b5cabfb4",
            EntityType::Function(0),
        );
        imports.import("env", "keep_me", EntityType::Function(0));
        imports.import(
            GLUE_MODULE,
            "__wbg_new_a1aa5829447c6a5e",
            EntityType::Function(0),
        );
        m.section(&imports);
        let mut functions = FunctionSection::new();
        functions.function(0);
        m.section(&functions);
        let mut exports = ExportSection::new();
        exports.export("run", ExportKind::Func, 3);
        m.section(&exports);
        let mut code = CodeSection::new();
        let mut f = Function::new([]);
        f.instruction(&Instruction::LocalGet(0))
            .instruction(&Instruction::Call(0))
            .instruction(&Instruction::Call(2))
            .instruction(&Instruction::Call(1))
            .instruction(&Instruction::End);
        code.function(&f);
        m.section(&code);
        m.finish()
    }

    fn imports_of(wasm: &[u8]) -> Vec<(String, String)> {
        let mut found = Vec::new();
        for payload in Parser::new(0).parse_all(wasm) {
            if let Ok(Payload::ImportSection(reader)) = payload {
                for import in reader.into_imports().flatten() {
                    found.push((import.module.to_string(), import.name.to_string()));
                }
            }
        }
        found
    }

    #[test]
    fn short_names_are_distinct_and_grow_a_letter_at_a_time() {
        let names: Vec<String> = (0..3000).map(short_name).collect();
        assert_eq!(names[..3], ["a", "b", "c"]);
        assert_eq!(names[51], "Z");
        assert_eq!(names[52], "aa");
        assert_eq!(names[53], "ab");
        assert_eq!(names[52 + 52 * 52], "aaa");
        let distinct: std::collections::HashSet<&String> = names.iter().collect();
        assert_eq!(distinct.len(), names.len());
        assert!(names
            .iter()
            .all(|n| n.bytes().all(|b| b.is_ascii_alphabetic())));
    }

    #[test]
    fn glue_imports_are_renamed_in_the_wasm_and_the_rest_is_kept() {
        let before = module();
        let (after, renamed) = shorten_wasm(&before, GLUE_MODULE).expect("renamed");
        assert_eq!(
            imports_of(&after),
            [
                (GLUE_MODULE.to_string(), "a".to_string()),
                ("env".to_string(), "keep_me".to_string()),
                (GLUE_MODULE.to_string(), "b".to_string()),
            ]
        );
        assert_eq!(
            renamed,
            [
                (
                    "__wbg_setAttribute_f75317b2b5cabfb4".to_string(),
                    "a".to_string()
                ),
                ("__wbg_new_a1aa5829447c6a5e".to_string(), "b".to_string()),
            ]
        );
        assert!(after.len() < before.len());
        // Every other section is the same bytes.
        let others = |w: &[u8]| -> Vec<(u8, Vec<u8>)> {
            Parser::new(0)
                .parse_all(w)
                .flatten()
                .filter(|p| !matches!(p, Payload::ImportSection(_)))
                .filter_map(|p| p.as_section())
                .map(|(id, r)| (id, w[r.start as usize..r.end as usize].to_vec()))
                .collect()
        };
        assert_eq!(others(&after).len(), 4);
        assert_eq!(others(&after), others(&before));
    }

    #[test]
    fn the_glue_keys_are_renamed_and_nothing_else() {
        let renamed = [
            ("__wbg_new_a1aa5829447c6a5e".to_string(), "b".to_string()),
            (
                "__wbg_setAttribute_f75317b2b5cabfb4".to_string(),
                "a".to_string(),
            ),
        ];
        let glue = "x.__wbg_new_a1aa5829447c6a5e;const i={__proto__:null,__wbg_setAttribute_f75317b2b5cabfb4:function(n){return n},\
                    __wbg_new_a1aa5829447c6a5e:function(){return\"__wbg_new_a1aa5829447c6a5e:\"}};";
        assert_eq!(
            shorten_glue(glue, &renamed).expect("renamed"),
            "x.__wbg_new_a1aa5829447c6a5e;const i={__proto__:null,a:function(n){return n},\
             b:function(){return\"__wbg_new_a1aa5829447c6a5e:\"}};"
        );
        let missing =
            shorten_glue("const i={__proto__:null};", &renamed).expect_err("a name missing");
        assert!(
            missing.contains("__wbg_new_a1aa5829447c6a5e 0 times"),
            "{missing}"
        );
        let twice = "{__wbg_new_a1aa5829447c6a5e:1,__wbg_new_a1aa5829447c6a5e:2}";
        assert!(shorten_glue(twice, &renamed[..1])
            .expect_err("twice")
            .contains("2 times"));
    }
}
