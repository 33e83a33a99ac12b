# Prepare a Redmine for the integration test: REST on, the admin's API key, a `Fingerprint` issue custom
# field (a filter, enabled per project) and two projects, one with the field and one without. Prints JSON.
require 'json'
suffix = ARGV[0] || Time.now.to_i.to_s
Setting.rest_api_enabled = '1'
admin = User.find_by_login('admin')
admin.update_columns(must_change_passwd: false)
cf = IssueCustomField.find_by(name: 'Fingerprint') ||
     IssueCustomField.create!(name: 'Fingerprint', field_format: 'string', is_filter: true, is_for_all: false,
                              searchable: true, trackers: Tracker.all)
make = lambda do |id, fields|
  Project.create!(name: id, identifier: id, is_public: true, enabled_module_names: ['issue_tracking'],
                  trackers: Tracker.all, issue_custom_fields: fields)
end
make.call("pas-cf-#{suffix}", [cf])
make.call("pas-plain-#{suffix}", [])
puts JSON.generate({key: admin.api_key, withField: "pas-cf-#{suffix}", withoutField: "pas-plain-#{suffix}", trackers: Tracker.count})
