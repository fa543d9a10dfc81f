{{%AUTOESCAPE context="HTML"}}<h1>{{t_rf_title}}</h1>
<p class="font-lead">{{t_rf_parents_lead}}</p>
<p>{{case_title}}</p>
{{>FORM_VIEW}}
<p><a class="button button-secondary" href="{{pdf_href}}" download>{{t_rf_pdf}}</a></p>
<p><a href="/foraeldre">{{t_rf_back_to_parents}}</a></p>
