//! Reconcile: group claims by what they are about and flag figures that
//! cannot all hold.
