//! Bringing a school's register in from its spreadsheet (导入资产登记表). So far: reading the
//! file, whatever program saved it, into rows of text.

pub mod sheet;
