<#-- snapsync: PostgreSQL productions added to Calcite's grammar. -->
